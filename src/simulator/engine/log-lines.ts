/**
 * Realistic container log lines by image (nginx, redis, postgres, generic app), some
 * with ANSI colour, on stdout and stderr.
 * STUB: implemented by the telemetry/streaming work.
 */
import type { Prng } from './prng';

export interface GeneratedLogLine {
  type: 'stdout' | 'stderr';
  data: string;
}

/** One log line a container of `image` could print at time `atMs`. */
export function generateLogLine(_image: string, _rng: Prng, _atMs: number): GeneratedLogLine {
  throw new Error('not implemented');
}

/** Mean log lines per second a container of `image` prints (so generators can pace it). */
export function logRatePerSecond(_image: string): number {
  throw new Error('not implemented');
}

/**
 * The master's streaming protocol (kontena-api.md §4.11): one compact JSON object per
 * chunk, no separators, a " " keep-alive chunk and a 0.5 s sleep whenever a pass finds
 * nothing; the response never ends on its own.
 * STUB: implemented by the telemetry/streaming work.
 */
import type { Clock } from './clock';

export interface StreamRegistry {
  /** Streams currently open. */
  count(): number;
  /** Ends every open stream (master restart, dispose). */
  closeAll(): void;
}

export function createStreamRegistry(): StreamRegistry {
  throw new Error('not implemented');
}

export interface JsonStreamOptions {
  clock: Clock;
  registry: StreamRegistry;
  /** Called on every pass; returns the objects to write now, each becomes its own chunk. */
  poll: () => readonly unknown[];
  /** Aborting ends the stream and frees its timers (HTTP door: the socket closed). */
  signal?: AbortSignal;
  /** End the stream after this long (browser door bound, or the dropped-streams fault). */
  maxLifeMs?: number | null;
  /** Pause between passes that found nothing. Default 500 ms. */
  idleMs?: number;
}

/** A 200 application/json Response whose body is the endless concatenated-JSON stream. */
export function createJsonStreamResponse(_options: JsonStreamOptions): Response {
  throw new Error('not implemented');
}

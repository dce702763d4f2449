import { parseIntegerField } from './integer';
import type { ParseResult } from './result';

/** `-c, --cpu-shares`: a relative CPU weight, 0–1024 (the master's limits and messages). */
export function parseCpuShares(raw: string): ParseResult<number> {
  return parseIntegerField(raw, 'Cpu Shares', { min: 0, max: 1024 });
}

/** `--instances`: how many instances the service should run (0 is allowed). */
export function parseInstances(raw: string): ParseResult<number> {
  return parseIntegerField(raw, 'Instances', { min: 0 });
}

import { fail, ok, type ParseResult } from './result';
import { shownValue } from './shown-value';

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;
const UNITS: Record<string, number> = { k: KIB, K: KIB, m: MIB, M: MIB, g: GIB, G: GIB };

/**
 * The CLI's `parse_memory` for `-m` and `--memory-swap`: digits with an optional k, m or
 * g unit (either case, powers of 1024), or bare digits as bytes. Anything else is
 * refused with the CLI's message. **(quirk)** The CLI's help promises a `b` unit and
 * "-1 to disable swap", but `parse_memory` rejects both, so the dashboard does too and
 * says why.
 */
export function parseMemory(raw: string): ParseResult<number> {
  const value = raw.trim();
  const match = /^(\d+)([kKmMgG]?)$/.exec(value);
  if (match === null || match[1] === undefined) {
    if (/^\d+[bB]$/.test(value)) {
      return fail(
        `Invalid memory value: ${shownValue(value)} (the CLI has no b unit despite its help text: give plain bytes such as ${shownValue(value.slice(0, -1))}, or use k, m or g)`,
      );
    }
    if (/^-\d+$/.test(value)) {
      return fail(
        `Invalid memory value: ${shownValue(value)} (the CLI does not accept negative values, so -1 cannot disable swap despite its help text: leave the field empty instead)`,
      );
    }
    return fail(
      `Invalid memory value: ${value === '' ? "''" : shownValue(value)} (use a number with an optional unit k, m or g, e.g. 512m or 1g)`,
    );
  }
  const bytes = Number.parseInt(match[1], 10) * (UNITS[match[2] ?? ''] ?? 1);
  if (!Number.isSafeInteger(bytes)) return fail(`Invalid memory value: ${shownValue(value)} (too big)`);
  return ok(bytes);
}

/**
 * The shortest value that `parseMemory` reads back as exactly `bytes`:
 * 536870912 → "512m", 1073741824 → "1g", 1000 → "1000". A negative or fractional
 * number has no CLI form and is returned as its plain decimal.
 */
export function formatMemory(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes <= 0) return String(bytes);
  if (bytes % GIB === 0) return `${bytes / GIB}g`;
  if (bytes % MIB === 0) return `${bytes / MIB}m`;
  if (bytes % KIB === 0) return `${bytes / KIB}k`;
  return String(bytes);
}

const HUMAN_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Bytes for people, in binary units: 536870912 → "512 MiB", 1610612736 → "1.5 GiB". */
export function formatMemoryHuman(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let size = Math.abs(bytes);
  let unit = 0;
  while (size >= 1024 && unit < HUMAN_UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  let rounded = Math.round(size * 100) / 100;
  if (rounded >= 1024 && unit < HUMAN_UNITS.length - 1) {
    // 1048575 bytes is 1023.999 KiB, which would otherwise round to "1024 KiB".
    rounded = Math.round((rounded / 1024) * 100) / 100;
    unit += 1;
  }
  return `${bytes < 0 ? '-' : ''}${rounded} ${HUMAN_UNITS[unit] ?? 'B'}`;
}

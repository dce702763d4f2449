/**
 * Units for container stats as operators read them: CPU in % of one core, memory in
 * binary units (MiB, GiB, like the `--memory` option), network in decimal units (B, KB,
 * MB, base 1000, like `kontena service stats`' NET I/O column).
 */

/**
 * Docker reports "no limit" as the largest page-aligned int64/uint64, which the master
 * passes on as a double: 2^64 (1.8446744073709552e19) or 2^63 rounded down to a page
 * (9.223372036854772e18). Both mean unlimited (docs/kontena-api.md §4.7).
 */
export const UNLIMITED_MEMORY_SENTINELS: readonly number[] = [1.8446744073709552e19, 9.223372036854772e18];

/** Anything at or above 2^63 minus a few pages is not a real limit: no machine has 8 EiB. */
const UNLIMITED_FLOOR = 9.2e18;

/** True for a memory limit that means "none" (the sentinels, or a missing/invalid number). */
export function isUnlimitedMemory(limit: number | null | undefined): boolean {
  return limit === null || limit === undefined || !Number.isFinite(limit) || limit <= 0 || limit >= UNLIMITED_FLOOR;
}

/** "12.5 %"; values ≥ 100 keep no decimals. null → "N/A" (no sample). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'N/A';
  return `${value.toFixed(Math.abs(value) >= 100 ? 0 : digits)} %`;
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const DECIMAL = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

function scaled(bytes: number, base: number, units: readonly string[]): string {
  const sign = bytes < 0 ? '-' : '';
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u += 1;
  }
  // Three significant digits: 1.23 GiB, 12.3 MiB, 123 KiB; whole bytes as they are.
  const digits = u === 0 ? 0 : v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${sign}${v.toFixed(digits)} ${units[u] ?? ''}`;
}

/** Memory in binary units: "512 MiB", "1.50 GiB". null → "N/A". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'N/A';
  return scaled(bytes, 1024, BINARY);
}

/** A memory limit: "unlimited" for docker's sentinels, else binary units. */
export function formatMemoryLimit(limit: number | null | undefined): string {
  return isUnlimitedMemory(limit) ? 'unlimited' : formatBytes(limit);
}

/** Network totals in decimal units, like the CLI's NET I/O: "1.23 MB". */
export function formatDecimalBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'N/A';
  return scaled(bytes, 1000, DECIMAL);
}

/** A network rate: "12.3 KB/s". null → "N/A". */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  if (bytesPerSecond === null || bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond)) return 'N/A';
  return `${scaled(bytesPerSecond, 1000, DECIMAL)}/s`;
}

/** usage/limit × 100, or null when the limit is unlimited or unknown. */
export function memoryPercent(usage: number | null | undefined, limit: number | null | undefined): number | null {
  if (usage === null || usage === undefined || !Number.isFinite(usage) || isUnlimitedMemory(limit)) return null;
  return (usage / (limit as number)) * 100;
}

/**
 * Per-minute metrics (docs/kontena-api-grid.md G1.6, G2.5) as chart rows, shared by the node
 * page and the grid overview: one row per minute, a null row wherever minutes are missing (a
 * gap, never a zero), at most `maxPoints` rows (docs/architecture.md: ≤ 300 points per series);
 * the 1 h / 6 h / 24 h windows of the URL's `window`; the byte axis' ticks.
 */
import { downsampleIndices } from './downsample';

export const METRICS_WINDOWS = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 } as const;
export type MetricsWindow = keyof typeof METRICS_WINDOWS;
export const METRICS_WINDOW_CHOICES: readonly { key: MetricsWindow; label: string }[] = [
  { key: '1h', label: '1 h' },
  { key: '6h', label: '6 h' },
  { key: '24h', label: '24 h' },
];

/** The URL's `window`: 1h when absent or unknown. */
export function parseMetricsWindow(value: string | null): MetricsWindow {
  return value === '6h' || value === '24h' ? value : '1h';
}

/** Points per series at most. */
export const MAX_POINTS = 300;
const MINUTE = 60_000;
/** Minutes further apart than this have a missing one between them. */
const GAP_MS = 90_000;

type Row = { t: number } & Record<string, number | null>;

/**
 * One row per point (`toRow`), a gap row (`gapRow`) a minute after the last point wherever
 * minutes are missing; downsampled over `keys` when more than `maxPoints`.
 */
export function metricsRows<P extends { timestamp: string }, R extends Row>(
  points: readonly P[],
  toRow: (point: P, t: number) => R,
  gapRow: (t: number) => R,
  keys: readonly (keyof R & string)[],
  maxPoints: number,
): R[] {
  const rows: R[] = [];
  let last: number | null = null;
  for (const point of points) {
    const t = Date.parse(point.timestamp);
    if (!Number.isFinite(t)) continue;
    if (last !== null && t - last > GAP_MS) rows.push(gapRow(last + MINUTE));
    rows.push(toRow(point, t));
    last = t;
  }
  if (rows.length <= maxPoints) return rows;
  const accessors = keys.map((key) => (i: number) => rows[i]?.[key] ?? null);
  return downsampleIndices(rows.length, (i) => rows[i]?.t ?? 0, accessors, maxPoints).flatMap((i) => {
    const row = rows[i];
    return row === undefined ? [] : [row];
  });
}

interface SeriesSummary {
  latest: number | null;
  min: number | null;
  max: number | null;
}

/** Latest, smallest and largest value of a series, for the charts' text alternative. */
export function summariseSeries<R extends Row>(rows: readonly R[], key: keyof R & string): SeriesSummary {
  let latest: number | null = null;
  let min: number | null = null;
  let max: number | null = null;
  for (const row of rows) {
    const v = row[key];
    if (v === null || v === undefined) continue;
    latest = v;
    min = min === null ? v : Math.min(min, v);
    max = max === null ? v : Math.max(max, v);
  }
  return { latest, min, max };
}

/** 0 and up to four more ticks at a round step of a binary unit (1, 2, 4, 8 GiB…), the last at or above `max`. */
export function byteTicks(max: number): number[] {
  if (max <= 0) return [0, 1024];
  let unit = 1;
  while (unit * 1024 <= max / 4 && unit < 1024 ** 5) unit *= 1024;
  const inUnit = max / unit / 4;
  const steps = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
  const step = (steps.find((s) => s >= inUnit) ?? 1024) * unit;
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** A value axis tick: "16 GiB", "1.5 GiB" (short: the axis is narrow, the wall's font large). */
export function formatAxisBytes(bytes: number): string {
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < BINARY_UNITS.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${BINARY_UNITS[u] ?? ''}`;
}

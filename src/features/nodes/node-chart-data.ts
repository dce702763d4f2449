/**
 * The node's per-minute metrics (docs/kontena-api-grid.md G2.5, G1.6) as chart rows: one row
 * per minute with CPU %, memory and disk used/total; a null row wherever minutes are
 * missing (the node was away: a gap, never a zero), at most `maxPoints` rows.
 */
import type { NodeMetrics } from '../../api/nodes';
import { downsampleIndices } from '../../lib/downsample';

export interface NodeChartRow {
  t: number;
  cpu: number | null;
  memUsed: number | null;
  memTotal: number | null;
  diskUsed: number | null;
  diskTotal: number | null;
}

const GAP_MS = 90_000;
const VALUE_KEYS = ['cpu', 'memUsed', 'memTotal', 'diskUsed', 'diskTotal'] as const;

function gapRow(t: number): NodeChartRow {
  return { t, cpu: null, memUsed: null, memTotal: null, diskUsed: null, diskTotal: null };
}

export function nodeChartRows(stats: NodeMetrics['stats'], maxPoints: number): NodeChartRow[] {
  const rows: NodeChartRow[] = [];
  let last: number | null = null;
  for (const point of stats) {
    const t = Date.parse(point.timestamp);
    if (!Number.isFinite(t)) continue;
    if (last !== null && t - last > GAP_MS) rows.push(gapRow(last + 60_000));
    rows.push({
      t,
      cpu: point.cpu.used,
      memUsed: point.memory.used,
      memTotal: point.memory.total,
      diskUsed: point.filesystem.used,
      diskTotal: point.filesystem.total,
    });
    last = t;
  }
  if (rows.length <= maxPoints) return rows;
  const accessors = VALUE_KEYS.map((key) => (i: number) => rows[i]?.[key] ?? null);
  return downsampleIndices(rows.length, (i) => rows[i]?.t ?? 0, accessors, maxPoints).flatMap((i) => {
    const row = rows[i];
    return row === undefined ? [] : [row];
  });
}

/** Latest and largest value of a series, for the charts' text alternative. */
export function latestAndMax(
  rows: readonly NodeChartRow[],
  key: (typeof VALUE_KEYS)[number],
): { latest: number | null; max: number | null } {
  let latest: number | null = null;
  let max: number | null = null;
  for (const row of rows) {
    const v = row[key];
    if (v === null) continue;
    latest = v;
    max = max === null ? v : Math.max(max, v);
  }
  return { latest, max };
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

/**
 * What one chart draws: rows `{ t, s0, s1, … }` on a shared time axis (so one tooltip
 * reads every series at a moment), built from the master's per-minute metrics (history,
 * service level only: the master keeps no per-instance history) and the live samples,
 * with a null row wherever samples are missing (a gap, never a zero), downsampled to the
 * chart's point budget.
 */
import type { MetricsPoint } from '../../api/schemas/stats';
import { downsampleIndices } from '../../lib/downsample';
import { statValue } from './instance-stats';
import type { ServiceTotals } from './instance-stats';
import type { LiveSample } from './live-stats';

export type ChartMetric = 'cpu' | 'memory' | 'rx' | 'tx';

export type ChartRow = { t: number } & Record<string, number | null>;

export interface ChartSeries {
  /** The row key: "s0", "s1", … */
  key: string;
  label: string;
  /** Palette slot, stable for an instance while it is charted. */
  slot: number;
}

export interface ChartData {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  /** Rows before downsampling, for the caption. */
  sourceRows: number;
}

const HISTORY_STEP_MS = 60_000;
/** Consecutive minutes of metrics further apart than this have a missing minute between them. */
const HISTORY_GAP_MS = 90_000;
/** Live samples further apart than this (and than 3× their usual spacing) have a gap between them. */
const LIVE_MIN_GAP_MS = 90_000;

function historyValue(point: MetricsPoint, metric: ChartMetric): number {
  const net = point.network;
  switch (metric) {
    case 'cpu':
      return point.cpu.used;
    case 'memory':
      return point.memory.used;
    case 'rx':
      return net.internal.rx_bytes_per_second + net.external.rx_bytes_per_second;
    case 'tx':
      return net.internal.tx_bytes_per_second + net.external.tx_bytes_per_second;
  }
}

/** The service line's figure of each metric: CPU as the mean over instances (the master's metrics rule), the rest as sums. */
const TOTAL_FIELD = { cpu: 'cpuMean', memory: 'memory', rx: 'rxRate', tx: 'txRate' } as const satisfies Record<
  ChartMetric,
  keyof ServiceTotals
>;

interface RawPoint {
  t: number;
  values: (number | null)[];
  live: boolean;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The points in time order with a null row in every hole. */
function withGaps(points: readonly RawPoint[], width: number): RawPoint[] {
  const liveDeltas: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as RawPoint;
    const b = points[i] as RawPoint;
    if (a.live && b.live) liveDeltas.push(b.t - a.t);
  }
  const liveGap = Math.max(LIVE_MIN_GAP_MS, 3 * median(liveDeltas));
  const out: RawPoint[] = [];
  let prev: RawPoint | undefined;
  for (const p of points) {
    if (prev) {
      const limit = prev.live && p.live ? liveGap : HISTORY_GAP_MS + (p.live ? HISTORY_STEP_MS : 0);
      if (p.t - prev.t > limit) out.push({ t: Math.round((prev.t + p.t) / 2), values: new Array<null>(width).fill(null), live: p.live });
    }
    out.push(p);
    prev = p;
  }
  return out;
}

function toRows(points: readonly RawPoint[], keys: readonly string[]): ChartRow[] {
  return points.map((p) => {
    const row: ChartRow = { t: p.t };
    keys.forEach((key, i) => {
      row[key] = p.values[i] ?? null;
    });
    return row;
  });
}

function downsample(rows: ChartRow[], keys: readonly string[], maxPoints: number): ChartRow[] {
  if (rows.length <= maxPoints) return rows;
  const accessors = keys.map((key) => (i: number) => (rows[i] as ChartRow)[key] ?? null);
  return downsampleIndices(rows.length, (i) => (rows[i] as ChartRow).t, accessors, maxPoints).map((i) => rows[i] as ChartRow);
}

export interface TimeRange {
  from: number;
  to: number;
}

/**
 * The service line: per-minute history up to where the live samples take over, then the
 * live totals (CPU as the mean over instances, memory and network as sums, as the master
 * aggregates its metrics).
 */
export function serviceChartData(
  metric: ChartMetric,
  history: readonly MetricsPoint[],
  live: readonly LiveSample[],
  range: TimeRange,
  maxPoints: number,
): ChartData {
  const points: RawPoint[] = [];
  let lastHistory = -Infinity;
  for (const p of history) {
    const t = Date.parse(p.timestamp);
    if (!Number.isFinite(t) || t < range.from || t > range.to) continue;
    points.push({ t, values: [historyValue(p, metric)], live: false });
    lastHistory = Math.max(lastHistory, t);
  }
  // A history minute stands for [t, t + 1 min): live samples start after it.
  const liveFrom = Math.max(range.from, lastHistory + HISTORY_STEP_MS);
  for (const s of live) {
    if (s.t < liveFrom || s.t > range.to) continue;
    points.push({ t: s.t, values: serviceValues(s, metric), live: true });
  }
  const keys = ['s0'];
  const rows = toRows(withGaps(points, 1), keys);
  return { rows: downsample(rows, keys, maxPoints), series: [{ key: 's0', label: 'service', slot: 0 }], sourceRows: rows.length };
}

function serviceValues(sample: LiveSample, metric: ChartMetric): (number | null)[] {
  return [sample.totals[TOTAL_FIELD[metric]]];
}

function instanceValues(sample: LiveSample, metric: ChartMetric, instances: readonly ChartedInstance[]): (number | null)[] {
  return instances.map((inst) => {
    const stat = sample.byName.get(inst.name);
    return stat ? statValue(stat, metric) : null;
  });
}

export interface ChartedInstance {
  name: string;
  instance: number;
  label: string;
  slot: number;
}

/** One line per charted instance, from the live samples (a missing instance or sample is a gap). */
export function instancesChartData(
  metric: ChartMetric,
  instances: readonly ChartedInstance[],
  live: readonly LiveSample[],
  range: TimeRange,
  maxPoints: number,
): ChartData {
  const keys = instances.map((_, i) => `s${i}`);
  const points: RawPoint[] = [];
  for (const s of live) {
    if (s.t < range.from || s.t > range.to) continue;
    points.push({ t: s.t, values: instanceValues(s, metric, instances), live: true });
  }
  const rows = toRows(withGaps(points, keys.length), keys);
  return {
    rows: downsample(rows, keys, maxPoints),
    series: instances.map((inst, i) => ({ key: keys[i] ?? `s${i}`, label: inst.label, slot: inst.slot })),
    sourceRows: rows.length,
  };
}

/** The newest part of a line, drawn over a chart that stays as it was drawn (live-axis.ts). */
export interface LiveTail {
  /** The chart's last row first (the tail continues the line from it), then the samples since, with gaps; downsampled. */
  rows: readonly ChartRow[];
  /** Rows since the chart's last row, before downsampling, for the caption. */
  sourceRows: number;
}

export const NO_TAIL: LiveTail = { rows: [], sourceRows: 0 };

/**
 * The live samples after `after` (the chart's last row) within `range`: the same values
 * as the chart's own (`instances` null: the service line), at most `maxPoints` rows.
 */
export function liveTailData(
  metric: ChartMetric,
  instances: readonly ChartedInstance[] | null,
  live: readonly LiveSample[],
  after: ChartRow | undefined,
  range: TimeRange,
  maxPoints: number,
): LiveTail {
  const width = instances === null ? 1 : instances.length;
  const keys = Array.from({ length: width }, (_, i) => `s${i}`);
  const since = Math.max(range.from, after ? after.t + 1 : -Infinity);
  const points: RawPoint[] = [];
  // Newest last: walk back only as far as the tail reaches.
  let first = live.length;
  while (first > 0 && (live[first - 1] as LiveSample).t >= since) first--;
  for (let i = first; i < live.length; i++) {
    const s = live[i] as LiveSample;
    if (s.t > range.to) break;
    points.push({ t: s.t, values: instances === null ? serviceValues(s, metric) : instanceValues(s, metric, instances), live: true });
  }
  if (points.length === 0) return NO_TAIL;
  const head: RawPoint[] = after ? [{ t: after.t, values: keys.map((key) => after[key] ?? null), live: true }] : [];
  const rows = toRows(withGaps([...head, ...points], width), keys);
  return { rows: downsample(rows, keys, Math.max(2, maxPoints)), sourceRows: rows.length - head.length };
}

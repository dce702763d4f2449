/**
 * The grid's per-minute metrics (docs/kontena-api-grid.md G1.6: sums over the nodes) as the
 * overview's charts draw them: one row per minute, a null row where minutes are missing
 * (a gap, never a zero), downsampled to the charts' point budget (docs/architecture.md:
 * ≤ 300 points per series).
 */
import type { GridMetrics } from '../../api/grids';
import { downsampleIndices } from '../../lib/downsample';

export const WINDOWS = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000 } as const;
type OverviewWindow = keyof typeof WINDOWS;
export const WINDOW_CHOICES: readonly { key: OverviewWindow; label: string }[] = [
  { key: '1h', label: '1 h' },
  { key: '6h', label: '6 h' },
  { key: '24h', label: '24 h' },
];

export function parseWindow(value: string | null): OverviewWindow {
  return value === '6h' || value === '24h' ? value : '1h';
}

/** Points per series at most. */
export const MAX_POINTS = 300;
const MINUTE = 60_000;
/** Minutes further apart than this have a missing one between them. */
const GAP_MS = 90_000;

export interface GridRow {
  t: number;
  /** Sum of the nodes' CPU percentages. */
  cpu: number | null;
  memUsed: number | null;
  memTotal: number | null;
  rx: number | null;
  tx: number | null;
}

const GAP = (t: number): GridRow => ({ t, cpu: null, memUsed: null, memTotal: null, rx: null, tx: null });

export function gridRows(metrics: GridMetrics | undefined): GridRow[] {
  if (metrics === undefined) return [];
  const rows: GridRow[] = [];
  let last: number | null = null;
  for (const point of metrics.stats) {
    const t = Date.parse(point.timestamp);
    if (!Number.isFinite(t)) continue;
    if (last !== null && t - last > GAP_MS) rows.push(GAP(last + MINUTE));
    const net = point.network;
    rows.push({
      t,
      cpu: point.cpu.used,
      memUsed: point.memory.used,
      memTotal: point.memory.total,
      rx: net.internal.rx_bytes_per_second + net.external.rx_bytes_per_second,
      tx: net.internal.tx_bytes_per_second + net.external.tx_bytes_per_second,
    });
    last = t;
  }
  if (rows.length <= MAX_POINTS) return rows;
  const keys = ['cpu', 'memUsed', 'rx', 'tx'] as const;
  const kept = downsampleIndices(
    rows.length,
    (i) => rows[i]?.t ?? 0,
    keys.map((k) => (i: number) => rows[i]?.[k] ?? null),
    MAX_POINTS,
  );
  return kept.flatMap((i) => {
    const row = rows[i];
    return row === undefined ? [] : [row];
  });
}

interface SeriesSummary {
  latest: number | null;
  min: number | null;
  max: number | null;
}

export function summarise(rows: readonly GridRow[], key: keyof Omit<GridRow, 't'>): SeriesSummary {
  let latest: number | null = null;
  let min: number | null = null;
  let max: number | null = null;
  for (const row of rows) {
    const v = row[key];
    if (v === null) continue;
    latest = v;
    min = min === null ? v : Math.min(min, v);
    max = max === null ? v : Math.max(max, v);
  }
  return { latest, min, max };
}

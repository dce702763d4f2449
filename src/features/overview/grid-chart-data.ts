/**
 * The grid's per-minute metrics (docs/kontena-api-grid.md G1.6: sums over the nodes) as the
 * overview's charts draw them: one row per minute; gaps and the point cap (docs/architecture.md:
 * ≤ 300 points per series) come from lib/metrics-series.
 */
import type { GridMetrics } from '../../api/grids';
import { MAX_POINTS, metricsRows } from '../../lib/metrics-series';

export interface GridRow {
  [key: string]: number | null;
  t: number;
  /** Sum of the nodes' CPU percentages. */
  cpu: number | null;
  memUsed: number | null;
  memTotal: number | null;
  rx: number | null;
  tx: number | null;
}

const GAP = (t: number): GridRow => ({ t, cpu: null, memUsed: null, memTotal: null, rx: null, tx: null });
const KEYS = ['cpu', 'memUsed', 'rx', 'tx'] as const;

export function gridRows(metrics: GridMetrics | undefined): GridRow[] {
  if (metrics === undefined) return [];
  return metricsRows(
    metrics.stats,
    (point, t): GridRow => {
      const net = point.network;
      return {
        t,
        cpu: point.cpu.used,
        memUsed: point.memory.used,
        memTotal: point.memory.total,
        rx: net.internal.rx_bytes_per_second + net.external.rx_bytes_per_second,
        tx: net.internal.tx_bytes_per_second + net.external.tx_bytes_per_second,
      };
    },
    GAP,
    KEYS,
    MAX_POINTS,
  );
}

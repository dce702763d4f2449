/**
 * The node's per-minute metrics (docs/kontena-api-grid.md G2.5, G1.6) as chart rows: one row
 * per minute with CPU %, memory and disk used/total; gaps and the point cap come from
 * lib/metrics-series.
 */
import type { NodeMetrics } from '../../api/nodes';
import { metricsRows } from '../../lib/metrics-series';

interface NodeChartRow {
  [key: string]: number | null;
  t: number;
  cpu: number | null;
  memUsed: number | null;
  memTotal: number | null;
  diskUsed: number | null;
  diskTotal: number | null;
}

const VALUE_KEYS = ['cpu', 'memUsed', 'memTotal', 'diskUsed', 'diskTotal'] as const;

function gapRow(t: number): NodeChartRow {
  return { t, cpu: null, memUsed: null, memTotal: null, diskUsed: null, diskTotal: null };
}

export function nodeChartRows(stats: NodeMetrics['stats'], maxPoints: number): NodeChartRow[] {
  return metricsRows(
    stats,
    (point, t): NodeChartRow => ({
      t,
      cpu: point.cpu.used,
      memUsed: point.memory.used,
      memTotal: point.memory.total,
      diskUsed: point.filesystem.used,
      diskTotal: point.filesystem.total,
    }),
    gapRow,
    VALUE_KEYS,
    maxPoints,
  );
}

/**
 * The node's stats over a window, from its per-minute metrics (GET /v1/nodes/G/N/metrics):
 * CPU, memory and disk. Loaded lazily by the node page, with the shared charts and Recharts,
 * so the nodes list never downloads them.
 */
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clientNow } from '../../api/client';
import { nodeMetricsQuery } from '../../api/grid-queries';
import { MetricsCharts } from '../../components/grid-metrics/metrics-chart';
import type { MetricsChartSpec } from '../../components/grid-metrics/metrics-chart';
import { LoadError } from '../../components/load-error';
import { useNow } from '../../components/use-now';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { MAX_POINTS, METRICS_WINDOWS } from '../../lib/metrics-series';
import type { MetricsWindow } from '../../lib/metrics-series';
import { nodeChartRows } from './node-chart-data';

const MINUTE = 60_000;
const HEIGHT = 180;

const CHARTS: readonly MetricsChartSpec<'cpu' | 'memUsed' | 'memTotal' | 'diskUsed' | 'diskTotal'>[] = [
  { title: 'CPU', series: [{ key: 'cpu', label: 'used', slot: 0 }], format: (v) => formatPercent(v), axis: 'percent' },
  {
    title: 'Memory',
    series: [
      { key: 'memUsed', label: 'used', slot: 0 },
      { key: 'memTotal', label: 'total', slot: 1 },
    ],
    format: formatBytes,
    axis: 'bytes',
  },
  {
    title: 'Disk',
    series: [
      { key: 'diskUsed', label: 'used', slot: 0 },
      { key: 'diskTotal', label: 'total', slot: 1 },
    ],
    format: formatBytes,
    axis: 'bytes',
  },
];

/** CPU, memory and disk of one node over the last 1, 6 or 24 hours, read again each minute. */
export function NodeCharts({ grid, node, window }: { grid: string; node: string; window: MetricsWindow }) {
  // The window ends at the last whole minute: one request a minute, and the same key in between.
  const now = useNow(MINUTE, true, clientNow);
  const to = Math.floor(now / MINUTE) * MINUTE;
  const from = to - METRICS_WINDOWS[window];
  const metrics = useQuery({
    ...nodeMetricsQuery(grid, node, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (metrics.data ? nodeChartRows(metrics.data.stats, MAX_POINTS) : []), [metrics.data]);

  if (metrics.data === undefined && metrics.isError)
    return <LoadError what="the node’s stats" error={metrics.error} retrying={metrics.isFetching} onRetry={() => void metrics.refetch()} />;
  return <MetricsCharts charts={CHARTS} rows={rows} from={from} to={to} height={HEIGHT} layout="columns" busy={metrics.isPending} />;
}

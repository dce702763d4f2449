/**
 * The grid's CPU, memory and network over the chosen window (the shared charts, with
 * Recharts: this module is loaded lazily, so the chart library never weighs on the
 * overview's first paint). Static history only, redrawn when the minute's answer changes.
 */
import { MetricsCharts } from '../../components/grid-metrics/metrics-chart';
import type { MetricsChartSpec } from '../../components/grid-metrics/metrics-chart';
import { formatBytes, formatPercent, formatRate } from '../../lib/format-units';
import type { GridRow } from './grid-chart-data';

const HEIGHT = 160;

const CHARTS: readonly MetricsChartSpec<'cpu' | 'memUsed' | 'memTotal' | 'rx' | 'tx'>[] = [
  {
    title: 'CPU',
    subtitle: 'sum of the nodes’ percentages',
    series: [{ key: 'cpu', label: 'used', slot: 0 }],
    format: (v) => formatPercent(v),
    axis: 'auto',
  },
  {
    title: 'Memory',
    subtitle: 'all nodes',
    series: [
      { key: 'memUsed', label: 'used', slot: 0 },
      { key: 'memTotal', label: 'total', slot: 1 },
    ],
    format: (v) => formatBytes(v),
    axis: 'auto',
  },
  {
    title: 'Network',
    subtitle: 'all nodes, internal and external',
    series: [
      { key: 'rx', label: 'received', slot: 0 },
      { key: 'tx', label: 'sent', slot: 1 },
    ],
    format: (v) => formatRate(v),
    axis: 'auto',
  },
];

interface GridChartsProps {
  rows: readonly GridRow[];
  from: number;
  to: number;
}

export function GridCharts({ rows, from, to }: GridChartsProps) {
  return <MetricsCharts charts={CHARTS} rows={rows} from={from} to={to} height={HEIGHT} layout="fill" minTickGap={40} />;
}

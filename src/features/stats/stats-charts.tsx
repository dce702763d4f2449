import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { MetricsPoint } from '../../api/schemas/stats';
import { formatBytes, formatPercent, formatRate } from '../../lib/format-units';
import { instancesChartData, serviceChartData } from './chart-data';
import type { ChartMetric, ChartedInstance } from './chart-data';
import type { LiveSample } from './live-stats';
import { MetricChart, Y_AXIS_WIDTH } from './metric-chart';
import { binaryTicks, decimalTicks, trimZeros } from './time-ticks';
import type { StatsView, StatsWindow } from './stats-params';
import { windowRange } from './stats-params';
import styles from './stats-charts.module.css';

/** DESIGN.md budget: at most 300 points per series. */
export const MAX_POINTS_PER_SERIES = 300;
/**
 * Points one chart may draw over all its series: Recharts' redraw cost grows with the
 * points, so six instance lines get fewer points each than one service line.
 */
export const MAX_POINTS_PER_CHART = 600;
const CHART_HEIGHT = 180;
const MIN_LIVE_SPAN_MS = 5 * 60_000;

const formatAxisPercent = (v: number): string => trimZeros(formatPercent(v, 1));
const formatAxisRate = (v: number): string => trimZeros(formatRate(v));
const formatAxisBytes = (v: number): string => trimZeros(formatBytes(v));
const formatCpu = (v: number): string => formatPercent(v, 2);

interface MetricSpec {
  metric: ChartMetric;
  title: string;
  serviceSubtitle: string;
  format: (v: number) => string;
  formatAxis: (v: number) => string;
  yTicks?: (max: number) => number[] | undefined;
}

/** Four charts, never more (DESIGN.md: ≤ 4 Recharts charts visible). */
const METRICS: readonly MetricSpec[] = [
  { metric: 'cpu', title: 'CPU', serviceSubtitle: 'mean % of one core over instances', format: formatCpu, formatAxis: formatAxisPercent, yTicks: decimalTicks },
  { metric: 'memory', title: 'Memory', serviceSubtitle: 'total used', format: formatBytes, formatAxis: formatAxisBytes, yTicks: binaryTicks },
  { metric: 'rx', title: 'Network received', serviceSubtitle: 'total, per second', format: formatRate, formatAxis: formatAxisRate, yTicks: decimalTicks },
  { metric: 'tx', title: 'Network sent', serviceSubtitle: 'total, per second', format: formatRate, formatAxis: formatAxisRate, yTicks: decimalTicks },
];

/** The width of an element, kept current by a ResizeObserver (0 until measured). */
function useElementWidth(): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      setWidth((old) => (old === w ? old : w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export interface StatsChartsProps {
  /** Live samples, oldest first (a new array when a sample arrives). */
  samples: readonly LiveSample[];
  history: readonly MetricsPoint[];
  window: StatsWindow;
  view: StatsView;
  charted: readonly ChartedInstance[];
  /** The client's "now", at least once a minute. */
  now: number;
  /** A note above the charts (history loading or failed, where per-instance lines start). */
  note?: ReactNode;
}

/** Between two charts' redraws after a live sample: each chart's redraw is its own task, never one long one. */
export const STAGGER_MS = 150;

/**
 * `value`, passed on after `delayMs` as a transition (interruptible rendering). The
 * first value is taken at once.
 */
function useStaggered<T>(value: T, delayMs: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const id = setTimeout(() => startTransition(() => setShown(value)), delayMs);
    return () => clearTimeout(id);
  }, [value, shown, delayMs]);
  return shown;
}

/** What moves on its own: the samples and the clock. Charts take it in turn. */
interface LiveInput {
  samples: readonly LiveSample[];
  now: number;
}

interface ChartSlotProps {
  spec: MetricSpec;
  index: number;
  live: LiveInput;
  history: readonly MetricsPoint[];
  window: StatsWindow;
  view: StatsView;
  charted: readonly ChartedInstance[];
  width: number;
  perSeries: number;
}

function ChartSlot({ spec, index, live, history, window, view, charted, width, perSeries }: ChartSlotProps) {
  const { samples, now } = useStaggered(live, index * STAGGER_MS);
  const lastLive = samples[samples.length - 1]?.t ?? now;
  const firstLive = samples[0]?.t ?? null;
  const range = useMemo(() => {
    const full = windowRange(window, Math.max(now, lastLive));
    // Per-instance lines exist only since sampling began: zoom to that (at least 5 min) instead of a sliver at the edge.
    if (view === 'instances' && firstLive !== null && firstLive > full.from) return { from: Math.max(full.from, Math.min(firstLive, full.to - MIN_LIVE_SPAN_MS)), to: full.to };
    return full;
  }, [window, now, lastLive, firstLive, view]);
  const data = useMemo(
    () => (view === 'service' ? serviceChartData(spec.metric, history, samples, range, perSeries) : instancesChartData(spec.metric, charted, samples, range, perSeries)),
    [spec.metric, view, history, samples, range, perSeries, charted],
  );
  const domain = useMemo(() => [range.from, range.to] as const, [range]);
  return (
    <MetricChart
      title={spec.title}
      subtitle={view === 'service' ? spec.serviceSubtitle : 'per instance'}
      data={data}
      domain={domain}
      format={spec.format}
      formatAxis={spec.formatAxis}
      yTicks={spec.yTicks}
      width={width}
      height={CHART_HEIGHT}
      empty={view === 'instances' && charted.length === 0 ? 'Pick instances to chart in the table below.' : undefined}
    />
  );
}

export function StatsCharts({ samples, history, window, view, charted, now, note }: StatsChartsProps) {
  const [gridRef, gridWidth] = useElementWidth();
  const live = useMemo(() => ({ samples, now }), [samples, now]);
  // Two columns from 760 px of grid, one below.
  const columns = gridWidth >= 760 ? 2 : 1;
  const chartWidth = gridWidth > 0 ? Math.floor((gridWidth - (columns - 1) * 16) / columns) - 2 : 0;
  const seriesCount = view === 'service' ? 1 : Math.max(1, charted.length);
  const perSeries = Math.min(
    MAX_POINTS_PER_SERIES,
    chartWidth > 0 ? Math.max(30, Math.floor((chartWidth - Y_AXIS_WIDTH) / 2)) : MAX_POINTS_PER_SERIES,
    Math.floor(MAX_POINTS_PER_CHART / seriesCount),
  );

  return (
    <section aria-label="Charts" className={styles.section}>
      {note}
      <div ref={gridRef} className={styles.grid} data-columns={columns}>
        {METRICS.map((spec, i) => (
          <ChartSlot
            key={spec.metric}
            spec={spec}
            index={i}
            live={live}
            history={history}
            window={window}
            view={view}
            charted={charted}
            width={chartWidth}
            perSeries={perSeries}
          />
        ))}
      </div>
    </section>
  );
}

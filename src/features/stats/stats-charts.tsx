import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { MetricsPoint } from '../../api/schemas/stats';
import { formatBytes, formatPercent, formatRate } from '../../lib/format-units';
import { instancesChartData, liveTailData, serviceChartData } from './chart-data';
import type { ChartMetric, ChartRow, ChartSeries, ChartedInstance, TimeRange } from './chart-data';
import { LiveTailContext } from './chart-live';
import { liveAxis } from './live-axis';
import type { LiveSample } from './live-stats';
import { MetricChart, Y_AXIS_WIDTH } from './metric-chart';
import { binaryTicks, decimalTicks, trimZeros } from './time-ticks';
import type { StatsView, StatsWindow } from './stats-params';
import styles from './stats-charts.module.css';

/** docs/architecture.md budget: at most 300 points per series. */
const MAX_POINTS_PER_SERIES = 300;
/**
 * Points one chart may draw over all its series: Recharts' redraw cost grows with the
 * points, so six instance lines get fewer points each than one service line.
 */
const MAX_POINTS_PER_CHART = 600;
const CHART_HEIGHT = 180;

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
  yTicks: (max: number) => number[] | undefined;
}

/** Four charts, never more (docs/architecture.md: ≤ 4 Recharts charts visible). */
const METRICS: readonly MetricSpec[] = [
  {
    metric: 'cpu',
    title: 'CPU',
    serviceSubtitle: 'mean % of one core over instances',
    format: formatCpu,
    formatAxis: formatAxisPercent,
    yTicks: decimalTicks,
  },
  {
    metric: 'memory',
    title: 'Memory',
    serviceSubtitle: 'total used',
    format: formatBytes,
    formatAxis: formatAxisBytes,
    yTicks: binaryTicks,
  },
  {
    metric: 'rx',
    title: 'Network received',
    serviceSubtitle: 'total, per second',
    format: formatRate,
    formatAxis: formatAxisRate,
    yTicks: decimalTicks,
  },
  {
    metric: 'tx',
    title: 'Network sent',
    serviceSubtitle: 'total, per second',
    format: formatRate,
    formatAxis: formatAxisRate,
    yTicks: decimalTicks,
  },
];

/** The largest value of any series in `rows` (-Infinity when none). */
function maxValue(rows: readonly ChartRow[], series: readonly ChartSeries[]): number {
  let m = -Infinity;
  for (const row of rows) {
    for (const s of series) {
      const v = row[s.key];
      if (v !== null && v !== undefined && v > m) m = v;
    }
  }
  return m;
}

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

interface StatsChartsProps {
  /** Live samples, oldest first (a new array when a sample arrives). */
  samples: readonly LiveSample[];
  history: readonly MetricsPoint[];
  /** Changes when the charts must take in the history at once (use-metrics-history.ts); between, they take it at the next step. */
  historyRevision: string;
  window: StatsWindow;
  view: StatsView;
  charted: readonly ChartedInstance[];
  /** The client's "now", at least once a minute. */
  now: number;
  /** A note above the charts (history loading or failed, where per-instance lines start). */
  note?: ReactNode;
}

/** Between two charts' redraws at a step of the time axis: each chart's redraw is its own task, never one long one. */
const STAGGER_MS = 150;

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

/** `take()` when any of `key` changed since the last render (by Object.is), else what it gave then. */
function useTakenOnChange<T>(take: () => T, key: readonly unknown[]): T {
  const [held, setHeld] = useState(() => ({ key, value: take() }));
  if (held.key.length !== key.length || held.key.some((k, i) => !Object.is(k, key[i]))) {
    const next = { key, value: take() };
    setHeld(next);
    return next.value;
  }
  return held.value;
}

/** What a chart's Recharts part is drawn from: everything but the samples that came since. */
interface ChartBase {
  samples: readonly LiveSample[];
  history: readonly MetricsPoint[];
  /** The time axis (live-axis.ts). */
  range: TimeRange;
}

interface ChartSlotProps {
  spec: MetricSpec;
  index: number;
  samples: readonly LiveSample[];
  now: number;
  history: readonly MetricsPoint[];
  historyRevision: string;
  window: StatsWindow;
  view: StatsView;
  charted: readonly ChartedInstance[];
  width: number;
  perSeries: number;
}

/**
 * One chart, drawn in two parts: Recharts draws the rows up to the last step of the time
 * axis (redrawn when the axis steps, the view changes, or a new value outgrows the value
 * axis), and the live tail draws the samples since (redrawn with every sample).
 */
function ChartSlot({ spec, index, samples, now, history, historyRevision, window, view, charted, width, perSeries }: ChartSlotProps) {
  const lastLive = samples[samples.length - 1]?.t ?? now;
  const axis = liveAxis(window, view, Math.max(now, lastLive), samples[0]?.t ?? null);
  // The newest sample a redraw was asked for at (below: the tail outgrew the chart).
  const [rebasedAt, setRebasedAt] = useState<number | null>(null);
  const taken = useTakenOnChange<ChartBase>(
    () => ({ samples, history, range: { from: axis.from, to: axis.to } }),
    [axis.from, axis.to, window, view, charted, perSeries, historyRevision, rebasedAt],
  );
  const base = useStaggered(taken, index * STAGGER_MS);
  const range = base.range;

  const data = useMemo(
    () =>
      view === 'service'
        ? serviceChartData(spec.metric, base.history, base.samples, range, perSeries)
        : instancesChartData(spec.metric, charted, base.samples, range, perSeries),
    [spec.metric, view, base, range, perSeries, charted],
  );
  const yTicks = useMemo(() => spec.yTicks(maxValue(data.rows, data.series)), [spec, data]);
  const span = range.to - range.from;

  const lastRow = data.rows[data.rows.length - 1];
  const tail = useMemo(() => {
    // As dense as the rows before it.
    const tailSpan = Math.max(0, lastLive - (lastRow?.t ?? range.from));
    const budget = Math.ceil((perSeries * tailSpan) / Math.max(1, span)) + 2;
    return liveTailData(spec.metric, view === 'service' ? null : charted, samples, lastRow, range, budget);
  }, [spec.metric, view, charted, samples, lastRow, range, perSeries, span, lastLive]);

  // Redraw the whole chart when the tail leaves the value axis, or when there was nothing to draw yet.
  const yTop = yTicks?.[yTicks.length - 1] ?? -Infinity;
  const outgrown = tail.sourceRows > 0 && (data.rows.length < 2 || maxValue(tail.rows, data.series) > yTop);
  const newestTail = tail.rows[tail.rows.length - 1]?.t ?? null;
  if (outgrown && newestTail !== rebasedAt) setRebasedAt(newestTail);

  const domain = useMemo(() => [range.from, range.to] as const, [range]);
  return (
    <LiveTailContext.Provider value={tail}>
      <MetricChart
        title={spec.title}
        subtitle={view === 'service' ? spec.serviceSubtitle : 'per instance'}
        data={data}
        domain={domain}
        yTicks={yTicks}
        format={spec.format}
        formatAxis={spec.formatAxis}
        width={width}
        height={CHART_HEIGHT}
        empty={view === 'instances' && charted.length === 0 ? 'Pick instances to chart in the table below.' : undefined}
      />
    </LiveTailContext.Provider>
  );
}

export function StatsCharts({ samples, history, historyRevision, window: windowParam, view, charted, now, note }: StatsChartsProps) {
  // The same window object while the URL names the same window: a re-sort of the table must not redraw the charts.
  const window = useTakenOnChange(
    () => windowParam,
    [windowParam.kind === 'custom' ? `${windowParam.from}-${windowParam.to}` : windowParam.kind],
  );
  const [gridRef, gridWidth] = useElementWidth();
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
            samples={samples}
            now={now}
            history={history}
            historyRevision={historyRevision}
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

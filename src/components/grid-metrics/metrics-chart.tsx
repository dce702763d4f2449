/**
 * Line charts of per-minute metrics over a window, shared by the node page (CPU, memory, disk)
 * and the grid overview (CPU, memory, network). Recharts lives here: import this module only
 * from a page's lazily loaded chart module, so neither the first route nor a page's own chunk
 * downloads the chart library. Static history, no animation; a gap where minutes are missing.
 */
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { BaseTickContentProps } from 'recharts';
import { formatChartTime } from '../../lib/clock-format';
import { byteTicks, formatAxisBytes, summariseSeries } from '../../lib/metrics-series';
import styles from './metrics-chart.module.css';

type MetricsRow = { t: number } & Record<string, number | null>;

interface MetricsSeries<K extends string> {
  key: K;
  label: string;
  /** Colour and dash: slot 1 is dashed as well as coloured apart. */
  slot: 0 | 1;
}

export interface MetricsChartSpec<K extends string> {
  title: string;
  subtitle?: string;
  series: readonly MetricsSeries<K>[];
  format: (value: number) => string;
  /** The value axis: 0–100 %, round binary steps, or Recharts' own ticks drawn with `format`. */
  axis: 'percent' | 'bytes' | 'auto';
}

interface MetricsChartsProps<R extends MetricsRow> {
  charts: readonly MetricsChartSpec<keyof R & string>[];
  rows: readonly R[];
  from: number;
  to: number;
  height: number;
  /**
   * `columns`: each chart framed, one to three columns by the width available (a page);
   * `fill`: unframed charts filling a panel, each at least 280 px wide.
   */
  layout: 'columns' | 'fill';
  /** Least room between two time labels, px. */
  minTickGap?: number;
  busy?: boolean;
}

// Room on the right for the last time label, which is centred on the chart's edge.
const MARGIN = { top: 10, right: 36, bottom: 0, left: 0 };
/** Wide enough for "74.5 GiB", "512 MiB" and "600 KB/s" in the wall theme's larger type. */
const Y_AXIS_WIDTH = 92;
const PERCENT_TICKS = [0, 25, 50, 75, 100];

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

function seriesMax<R extends MetricsRow>(rows: readonly R[], keys: readonly (keyof R & string)[]): number {
  let max = 0;
  for (const row of rows) for (const key of keys) max = Math.max(max, row[key] ?? 0);
  return max;
}

function summary<R extends MetricsRow>(spec: MetricsChartSpec<keyof R & string>, rows: readonly R[]): string {
  return spec.series
    .map((s) => {
      const { latest, min, max } = summariseSeries(rows, s.key);
      if (latest === null || min === null || max === null) return `${s.label}: no samples`;
      return `${s.label}: now ${spec.format(latest)}, min ${spec.format(min)}, max ${spec.format(max)}`;
    })
    .join('; ');
}

interface MetricsChartProps<R extends MetricsRow> {
  spec: MetricsChartSpec<keyof R & string>;
  rows: readonly R[];
  from: number;
  to: number;
  height: number;
  minTickGap: number;
}

function MetricsChartInner<R extends MetricsRow>({ spec, rows, from, to, height, minTickGap }: MetricsChartProps<R>) {
  const titleId = useId();
  const [plotRef, width] = useElementWidth();
  const span = to - from;
  const hasData = rows.some((row) => spec.series.some((s) => row[s.key] !== null));
  // Plain <text> ticks: Recharts' own wrap a long label onto two lines at the wall's font size.
  const xTick = useCallback(
    ({ x, y, payload }: BaseTickContentProps) => (
      <text x={x} y={y} dy="0.9em" textAnchor="middle" className={styles.tick}>
        {formatChartTime(Number(payload.value), span, false)}
      </text>
    ),
    [span],
  );
  const { axis, format } = spec;
  const yTick = useCallback(
    ({ x, y, payload }: BaseTickContentProps) => {
      const value = Number(payload.value);
      return (
        <text x={x} y={y} dy="0.35em" textAnchor="end" className={styles.tick}>
          {axis === 'percent' ? `${value} %` : axis === 'bytes' ? formatAxisBytes(value) : format(value)}
        </text>
      );
    },
    [axis, format],
  );
  const ticks = useMemo(
    () =>
      axis === 'percent'
        ? PERCENT_TICKS
        : axis === 'bytes'
          ? byteTicks(
              seriesMax(
                rows,
                spec.series.map((s) => s.key),
              ),
            )
          : undefined,
    [axis, rows, spec.series],
  );
  return (
    <figure className={styles.chart} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <span id={titleId} className={styles.title}>
          {spec.title}
        </span>
        {spec.subtitle !== undefined && <span className={styles.subtitle}>{spec.subtitle}</span>}
        {spec.series.length > 1 && (
          <ul className={styles.legend} aria-label={`${spec.title} series`}>
            {spec.series.map((s) => (
              <li key={s.key} className={styles[`slot${s.slot}`]}>
                <svg width="18" height="8" aria-hidden="true" className={styles.swatch}>
                  <line x1="0" y1="4" x2="18" y2="4" />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        )}
        <span className="visually-hidden" data-testid="chart-summary">{`${spec.title}: ${summary(spec, rows)}.`}</span>
      </figcaption>
      <div ref={plotRef} className={styles.plot} style={{ height }} data-points={rows.length}>
        {!hasData && <div className={styles.empty}>No samples in this window.</div>}
        {hasData && width > 0 && (
          <LineChart width={width} height={height} data={rows as R[]} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[from, to]}
              tick={xTick}
              minTickGap={minTickGap}
              allowDataOverflow
              className={styles.axis}
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              domain={[0, ticks?.[ticks.length - 1] ?? 'auto']}
              ticks={ticks}
              interval={ticks === undefined ? 'preserveEnd' : 0}
              tick={yTick}
              className={styles.axis}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(t) => formatChartTime(Number(t), span, false)}
              formatter={(v) => (typeof v === 'number' ? spec.format(v) : String(v))}
              wrapperClassName={styles.tooltip}
            />
            {spec.series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="linear"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
                connectNulls={false}
                strokeWidth={1.5}
                className={styles[`slot${s.slot}`]}
              />
            ))}
          </LineChart>
        )}
      </div>
    </figure>
  );
}

const MetricsChart = memo(MetricsChartInner) as typeof MetricsChartInner;

/** One chart per spec over the same rows and window. */
export function MetricsCharts<R extends MetricsRow>({
  charts,
  rows,
  from,
  to,
  height,
  layout,
  minTickGap = 64,
  busy,
}: MetricsChartsProps<R>) {
  const [gridRef, gridWidth] = useElementWidth();
  // Side by side when each chart still gets ~340 px.
  const columns = layout === 'fill' ? undefined : gridWidth >= 1100 ? 3 : gridWidth >= 720 ? 2 : 1;
  return (
    <div
      ref={layout === 'columns' ? gridRef : undefined}
      className={styles.grid}
      data-layout={layout}
      data-columns={columns}
      aria-busy={busy}
    >
      {charts.map((spec) => (
        <MetricsChart key={spec.title} spec={spec} rows={rows} from={from} to={to} height={height} minTickGap={minTickGap} />
      ))}
    </div>
  );
}

import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { BaseTickContentProps } from 'recharts';
import type { ChartData, ChartRow } from './chart-data';
import { summariseSeries } from '../../lib/metrics-series';
import { ChartHover } from './chart-hover';
import { LiveTailLines, rowsWithTail, useLiveTail } from './chart-live';
import { slotClass } from './series-slots';
import { Swatch } from './swatch';
import { formatTick, timeTicks } from './time-ticks';
import styles from './stats-charts.module.css';

interface MetricChartProps {
  title: string;
  /** What the lines mean, e.g. "mean over instances". */
  subtitle?: string;
  /** The rows Recharts draws; the live tail after them comes from LiveTailContext. */
  data: ChartData;
  domain: readonly [number, number];
  /** Value ticks, 0 first; the last is the top of the value axis. */
  yTicks: readonly number[] | undefined;
  /** Value with unit, for the tooltip and the text alternative: "12.3 %". */
  format: (value: number) => string;
  /** Short value for the axis: "12 %". */
  formatAxis: (value: number) => string;
  width: number;
  height: number;
  /** Shown instead of lines when there is nothing to draw. */
  empty?: ReactNode;
}

/** The value axis' width: the charts' point budget leaves it out of the plot width. */
export const Y_AXIS_WIDTH = 64;
// Props Recharts compares by reference: built once, so a redraw recomputes only what changed.
const MARGIN = { top: 8, right: 20, bottom: 0, left: 0 };

/** The text alternative: each series' latest, smallest and largest value, over the drawn rows and the live tail. */
function ChartSummary({ data, format }: { data: ChartData; format: (value: number) => string }) {
  const tail = useLiveTail();
  const rows = rowsWithTail(data.rows, tail);
  const summary = data.series
    .map((s) => {
      const { latest, min, max } = summariseSeries(rows, s.key);
      if (latest === null || min === null || max === null) return `${s.label}: no samples`;
      return `${s.label}: now ${format(latest)}, min ${format(min)}, max ${format(max)}`;
    })
    .join('; ');
  return (
    <span className="visually-hidden" data-testid="chart-summary">
      {`${summary}. ${rows.length} points drawn of ${data.sourceRows + tail.sourceRows}.`}
    </span>
  );
}

/**
 * One live time-series chart (Recharts). It redraws only when its rows change (a step of
 * the time axis, a new window or view: live-axis.ts); live samples in between go to the
 * tail drawn inside it. Everything a redraw costs is bounded: the rows come downsampled,
 * animation is off on every series, props are stable (memo).
 */
export const MetricChart = memo(function MetricChart({
  title,
  subtitle,
  data,
  domain,
  yTicks,
  format,
  formatAxis,
  width,
  height,
  empty,
}: MetricChartProps) {
  const titleId = useId();
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [from, to] = domain;
  const span = to - from;
  const ticks = useMemo(() => timeTicks(from, to, Math.max(2, Math.floor(width / 110))), [from, to, width]);
  // Plain <text> ticks: Recharts' <Text> parses CSS calc() and measures words on every redraw.
  const xTick = useCallback(
    ({ x, y, payload }: BaseTickContentProps) => (
      <text x={x} y={y} dy="0.9em" textAnchor="middle" className={styles.tick}>
        {formatTick(Number(payload.value), span)}
      </text>
    ),
    [span],
  );
  const yTick = useCallback(
    ({ x, y, payload }: BaseTickContentProps) => (
      <text x={x} y={y} dy="0.35em" textAnchor="end" className={styles.tick}>
        {formatAxis(Number(payload.value))}
      </text>
    ),
    [formatAxis],
  );
  const hasData = data.rows.some((row) => data.series.some((s) => row[s.key] !== null && row[s.key] !== undefined));
  const xDomain = useMemo(() => [from, to], [from, to]);
  const yTop = yTicks?.[yTicks.length - 1];
  const yDomain = useMemo(() => [0, yTop ?? 'auto'] as [number, number | 'auto'], [yTop]);

  return (
    <figure className={styles.chart} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <span id={titleId} className={styles.chartTitle}>
          {title}
        </span>
        {subtitle && <span className={styles.chartSubtitle}>{subtitle}</span>}
        {data.series.length > 1 && (
          <ul className={styles.legend} aria-label={`${title} series`}>
            {data.series.map((s) => (
              <li key={s.key}>
                <Swatch slot={s.slot} />
                {s.label}
              </li>
            ))}
          </ul>
        )}
        <ChartSummary data={data} format={format} />
      </figcaption>
      <div ref={setHost} className={styles.plot} style={{ height }} data-points={data.rows.length}>
        {!hasData && <div className={styles.empty}>{empty ?? 'No samples in this window.'}</div>}
        {hasData && width > 0 && (
          <LineChart width={width} height={height} data={data.rows as ChartRow[]} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={xDomain}
              ticks={ticks}
              tick={xTick}
              // Our ticks are already spaced for the width: interval 0 skips Recharts' label measuring (a forced reflow per tick).
              interval={0}
              allowDataOverflow
              className={styles.axis}
            />
            <YAxis width={Y_AXIS_WIDTH} interval={0} tick={yTick} domain={yDomain} ticks={yTicks} className={styles.axis} />
            {data.series.map((s) => (
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
                // Dashes come from CSS: given as a prop, Recharts measures each path's length on every redraw.
                className={slotClass(s.slot)}
              />
            ))}
            <LiveTailLines series={data.series} />
            <ChartHover rows={data.rows} series={data.series} format={format} span={span} host={host} />
          </LineChart>
        )}
      </div>
    </figure>
  );
});

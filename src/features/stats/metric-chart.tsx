import { memo, useCallback, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { BaseTickContentProps, TooltipContentProps } from 'recharts';
import { cx } from '../../components/class-names';
import type { ChartData, ChartRow } from './chart-data';
import { summarise } from './chart-data';
import { formatMoment, formatTick, timeTicks } from './time-ticks';
import styles from './stats-charts.module.css';

export interface MetricChartProps {
  title: string;
  /** What the lines mean, e.g. "mean over instances". */
  subtitle?: string;
  data: ChartData;
  domain: readonly [number, number];
  /** Value with unit, for the tooltip and the text alternative: "12.3 %". */
  format: (value: number) => string;
  /** Short value for the axis: "12 %". */
  formatAxis: (value: number) => string;
  /** Y ticks for the largest drawn value (default: Recharts' decimal steps). */
  yTicks?: (max: number) => number[] | undefined;
  width: number;
  height: number;
  /** Shown instead of lines when there is nothing to draw. */
  empty?: ReactNode;
}

/**
 * Dash pattern per palette slot: lines differ by shape too, not only by colour. The
 * lines get theirs from CSS (stats-charts.module.css): given as a prop, Recharts
 * measures each path's length on every redraw.
 */
const DASHES = [undefined, '6 3', '2 3', '10 3 2 3', '4 4', '1 2'];
/** The value axis' width: the charts' point budget leaves it out of the plot width. */
export const Y_AXIS_WIDTH = 64;
// Props Recharts compares by reference: built once, so a redraw recomputes only what changed.
const MARGIN = { top: 8, right: 20, bottom: 0, left: 0 };
const ACTIVE_DOT = { r: 3 };
const CURSOR = { className: styles.cursor };

function Swatch({ slot }: { slot: number }) {
  return (
    <svg className={cx(styles.swatch, styles[`slot${slot % DASHES.length}`])} width="22" height="10" aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2="21" y2="5" strokeDasharray={DASHES[slot % DASHES.length]} />
    </svg>
  );
}

/**
 * One live time-series chart (Recharts). Everything a redraw costs is bounded: the rows
 * come downsampled, animation is off on every series, props are stable (memo) so a
 * table re-sort or a poll without new numbers does not redraw it.
 */
export const MetricChart = memo(function MetricChart({ title, subtitle, data, domain, format, formatAxis, width, height, empty, yTicks }: MetricChartProps) {
  const titleId = useId();
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
  const max = useMemo(() => {
    let m = -Infinity;
    for (const row of data.rows) for (const s of data.series) m = Math.max(m, row[s.key] ?? -Infinity);
    return m;
  }, [data]);
  const hasData = max > -Infinity;
  const ticksY = useMemo(() => (yTicks ? yTicks(max) : undefined), [yTicks, max]);
  const xDomain = useMemo(() => [from, to], [from, to]);
  const yTop = ticksY?.[ticksY.length - 1];
  const yDomain = useMemo(() => [0, yTop ?? 'auto'] as [number, number | 'auto'], [yTop]);

  const renderTooltip = useCallback(
    ({ active, payload }: TooltipContentProps) => {
      const row = payload[0]?.payload as ChartRow | undefined;
      if (!active || !row) return null;
      return (
        <div className={styles.tooltip}>
          <p className={styles.tooltipTime}>{formatMoment(row.t, span)}</p>
          <ul>
            {data.series.map((s) => {
              const v = row[s.key];
              return (
                <li key={s.key}>
                  <Swatch slot={s.slot} />
                  <span>{s.label}</span>
                  <strong>{v === null || v === undefined ? 'no sample' : format(v)}</strong>
                </li>
              );
            })}
          </ul>
        </div>
      );
    },
    [data.series, format, span],
  );

  const summary = data.series
    .map((s) => {
      const { latest, min, max } = summarise(data.rows, s.key);
      if (latest === null || min === null || max === null) return `${s.label}: no samples`;
      return `${s.label}: now ${format(latest)}, min ${format(min)}, max ${format(max)}`;
    })
    .join('; ');

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
        <span className="visually-hidden" data-testid="chart-summary">
          {`${summary}. ${data.rows.length} points drawn of ${data.sourceRows}.`}
        </span>
      </figcaption>
      <div className={styles.plot} style={{ height }} data-points={data.rows.length}>
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
            <YAxis width={Y_AXIS_WIDTH} interval={0} tick={yTick} domain={yDomain} ticks={ticksY} className={styles.axis} />
            <Tooltip content={renderTooltip} isAnimationActive={false} cursor={CURSOR} />
            {data.series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="linear"
                dot={false}
                activeDot={ACTIVE_DOT}
                isAnimationActive={false}
                connectNulls={false}
                strokeWidth={1.5}
                className={styles[`slot${s.slot % DASHES.length}`]}
              />
            ))}
          </LineChart>
        )}
      </div>
    </figure>
  );
});

/**
 * The grid's CPU, memory and network over the chosen window (Recharts: this module is
 * loaded lazily, so the chart library never weighs on the overview's first paint).
 * Static history only, redrawn when the minute's answer changes; no animation.
 */
import { memo, useCallback, useId, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatChartTime } from '../../lib/clock-format';
import { formatBytes, formatPercent, formatRate } from '../../lib/format-units';
import type { GridRow } from './grid-chart-data';
import { summarise } from './grid-chart-data';
import styles from './overview-charts.module.css';

type SeriesKey = keyof Omit<GridRow, 't'>;

interface Series {
  key: SeriesKey;
  label: string;
  slot: 0 | 1;
}

interface ChartSpec {
  title: string;
  subtitle: string;
  series: readonly Series[];
  format: (value: number) => string;
}

const CHARTS: readonly ChartSpec[] = [
  {
    title: 'CPU',
    subtitle: 'sum of the nodes’ percentages',
    series: [{ key: 'cpu', label: 'used', slot: 0 }],
    format: (v) => formatPercent(v),
  },
  {
    title: 'Memory',
    subtitle: 'all nodes',
    series: [
      { key: 'memUsed', label: 'used', slot: 0 },
      { key: 'memTotal', label: 'total', slot: 1 },
    ],
    format: (v) => formatBytes(v),
  },
  {
    title: 'Network',
    subtitle: 'all nodes, internal and external',
    series: [
      { key: 'rx', label: 'received', slot: 0 },
      { key: 'tx', label: 'sent', slot: 1 },
    ],
    format: (v) => formatRate(v),
  },
];

// Room on the right for the last time label, which is centred on the chart's edge.
const MARGIN = { top: 8, right: 36, bottom: 0, left: 0 };
/** Wide enough for "74.5 GiB" and "600 KB/s" in the wall theme's larger type. */
const Y_AXIS_WIDTH = 92;
const HEIGHT = 160;

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

const GridChart = memo(function GridChart({
  spec,
  rows,
  from,
  to,
}: {
  spec: ChartSpec;
  rows: readonly GridRow[];
  from: number;
  to: number;
}) {
  const titleId = useId();
  const [plotRef, width] = useElementWidth();
  const span = to - from;
  const summary = spec.series
    .map((s) => {
      const { latest, min, max } = summarise(rows, s.key);
      if (latest === null || min === null || max === null) return `${s.label}: no samples`;
      return `${s.label}: now ${spec.format(latest)}, min ${spec.format(min)}, max ${spec.format(max)}`;
    })
    .join('; ');
  const hasData = rows.some((r) => spec.series.some((s) => r[s.key] !== null));
  const tickTime = (value: number) => formatChartTime(value, span, false);
  return (
    <figure className={styles.chart} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <span id={titleId} className={styles.title}>
          {spec.title}
        </span>
        <span className={styles.subtitle}>{spec.subtitle}</span>
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
        <span className="visually-hidden">{`${summary}.`}</span>
      </figcaption>
      <div ref={plotRef} className={styles.plot} style={{ height: HEIGHT }} data-points={rows.length}>
        {!hasData && <div className={styles.empty}>No samples in this window.</div>}
        {hasData && width > 0 && (
          <LineChart width={width} height={HEIGHT} data={rows as GridRow[]} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[from, to]}
              tickFormatter={tickTime}
              minTickGap={40}
              allowDataOverflow
              className={styles.axis}
              tick={{ className: styles.tick }}
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              tickFormatter={spec.format}
              className={styles.axis}
              tick={{ className: styles.tick }}
              domain={[0, 'auto']}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(value) => formatChartTime(Number(value), span, false)}
              formatter={(value) => (typeof value === 'number' ? spec.format(value) : String(value))}
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
});

interface GridChartsProps {
  rows: readonly GridRow[];
  from: number;
  to: number;
}

export function GridCharts({ rows, from, to }: GridChartsProps) {
  return (
    <div className={styles.charts}>
      {CHARTS.map((spec) => (
        <GridChart key={spec.title} spec={spec} rows={rows} from={from} to={to} />
      ))}
    </div>
  );
}

/**
 * The node's stats over a window, from its per-minute metrics (GET /v1/nodes/G/N/metrics):
 * CPU, memory and disk. Recharts lives in this module only, loaded lazily by the node page,
 * so the nodes list never downloads it.
 */
import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { BaseTickContentProps } from 'recharts';
import { clientNow } from '../../api/client';
import { nodeMetricsQuery } from '../../api/grid-queries';
import { LoadError } from '../../components/load-error';
import { useNow } from '../../components/use-now';
import { formatChartTime } from '../../lib/clock-format';
import { formatBytes, formatPercent } from '../../lib/format-units';
import { byteTicks, formatAxisBytes, latestAndMax, nodeChartRows } from './node-chart-data';
import type { NodeChartRow } from './node-chart-data';
import { NODE_WINDOWS } from './node-window';
import type { NodeWindow } from './node-window';
import styles from './node-charts.module.css';

const MINUTE = 60_000;
/** The docs' budget: ≤ 300 points per series. */
const MAX_POINTS = 300;
const HEIGHT = 180;
/** Room for "512 MiB" and "100 %" at the wall theme's larger font. */
const Y_AXIS_WIDTH = 84;
/** The grid's gap (--space-3). */
const GRID_GAP = 12;
const MARGIN = { top: 12, right: 24, bottom: 0, left: 0 };

type SeriesKey = 'cpu' | 'memUsed' | 'memTotal' | 'diskUsed' | 'diskTotal';

interface ChartSpec {
  title: string;
  series: readonly { key: SeriesKey; label: string; slot: 0 | 1 }[];
  format: (v: number) => string;
  percent?: boolean;
}

const CHARTS: readonly ChartSpec[] = [
  { title: 'CPU', series: [{ key: 'cpu', label: 'used', slot: 0 }], format: (v) => formatPercent(v), percent: true },
  {
    title: 'Memory',
    series: [
      { key: 'memUsed', label: 'used', slot: 0 },
      { key: 'memTotal', label: 'total', slot: 1 },
    ],
    format: formatBytes,
  },
  {
    title: 'Disk',
    series: [
      { key: 'diskUsed', label: 'used', slot: 0 },
      { key: 'diskTotal', label: 'total', slot: 1 },
    ],
    format: formatBytes,
  },
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

const PERCENT_TICKS = [0, 25, 50, 75, 100];

function seriesMax(rows: readonly NodeChartRow[], spec: ChartSpec): number {
  let max = 0;
  for (const row of rows) for (const s of spec.series) max = Math.max(max, row[s.key] ?? 0);
  return max;
}

function summary(spec: ChartSpec, rows: readonly NodeChartRow[]): string {
  return spec.series
    .map((s) => {
      const { latest, max } = latestAndMax(rows, s.key);
      return latest === null || max === null ? `${s.label}: no samples` : `${s.label}: now ${spec.format(latest)}, max ${spec.format(max)}`;
    })
    .join('; ');
}

function NodeChart({
  spec,
  rows,
  from,
  to,
  width,
}: {
  spec: ChartSpec;
  rows: readonly NodeChartRow[];
  from: number;
  to: number;
  width: number;
}) {
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
  const percent = spec.percent === true;
  const yTick = useCallback(
    ({ x, y, payload }: BaseTickContentProps) => (
      <text x={x} y={y} dy="0.35em" textAnchor="end" className={styles.tick}>
        {percent ? `${Number(payload.value)} %` : formatAxisBytes(Number(payload.value))}
      </text>
    ),
    [percent],
  );
  const ticks = useMemo(() => (spec.percent ? PERCENT_TICKS : byteTicks(seriesMax(rows, spec))), [rows, spec]);
  return (
    <figure className={styles.chart}>
      <figcaption className={styles.caption}>
        <span className={styles.title}>{spec.title}</span>
        {spec.series.length > 1 && (
          <ul className={styles.legend}>
            {spec.series.map((s) => (
              <li key={s.key}>
                <svg width="18" height="8" aria-hidden="true" className={`${styles.swatch} ${styles[`slot${s.slot}`] ?? ''}`}>
                  <line x1="0" y1="4" x2="18" y2="4" />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        )}
        <span className="visually-hidden" data-testid="chart-summary">{`${spec.title}: ${summary(spec, rows)}.`}</span>
      </figcaption>
      <div className={styles.plot} style={{ height: HEIGHT }}>
        {!hasData && <div className={styles.empty}>No samples in this window.</div>}
        {hasData && width > 0 && (
          <LineChart width={width} height={HEIGHT} data={rows as NodeChartRow[]} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[from, to]}
              tick={xTick}
              minTickGap={64}
              allowDataOverflow
              className={styles.axis}
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              domain={[0, ticks[ticks.length - 1] ?? 'auto']}
              ticks={ticks}
              interval={0}
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

/** CPU, memory and disk of one node over the last 1, 6 or 24 hours, read again each minute. */
export function NodeCharts({ grid, node, window }: { grid: string; node: string; window: NodeWindow }) {
  // The window ends at the last whole minute: one request a minute, and the same key in between.
  const now = useNow(MINUTE, true, clientNow);
  const to = Math.floor(now / MINUTE) * MINUTE;
  const from = to - NODE_WINDOWS[window];
  const metrics = useQuery({
    ...nodeMetricsQuery(grid, node, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (metrics.data ? nodeChartRows(metrics.data.stats, MAX_POINTS) : []), [metrics.data]);
  const [gridRef, gridWidth] = useElementWidth();
  // Side by side when each chart still gets ~340 px; a chart's own padding and border take 26 px.
  const columns = gridWidth >= 1100 ? 3 : gridWidth >= 720 ? 2 : 1;
  const width = Math.floor((gridWidth - GRID_GAP * (columns - 1)) / columns) - 26;

  if (metrics.data === undefined && metrics.isError)
    return <LoadError what="the node’s stats" error={metrics.error} retrying={metrics.isFetching} onRetry={() => void metrics.refetch()} />;
  return (
    <div ref={gridRef} className={styles.grid} data-columns={columns} aria-busy={metrics.isPending}>
      {CHARTS.map((spec) => (
        <NodeChart key={spec.title} spec={spec} rows={rows} from={from} to={to} width={Math.max(0, width)} />
      ))}
    </div>
  );
}

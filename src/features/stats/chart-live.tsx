/**
 * The live tail of a chart: the samples since the chart was last drawn by Recharts, drawn
 * as plain SVG paths on the chart's own scales. A live sample re-renders only these (they
 * read the tail from context, so the memoised chart around them does not redraw).
 */
import { createContext, useContext } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartRow, ChartSeries, LiveTail } from './chart-data';
import { NO_TAIL } from './chart-data';
import { slotClass } from './series-slots';
import styles from './stats-charts.module.css';

export const LiveTailContext = createContext<LiveTail>(NO_TAIL);

export function useLiveTail(): LiveTail {
  return useContext(LiveTailContext);
}

/** Every row on screen: the chart's own, then the tail's (whose first row is the chart's last). */
export function rowsWithTail(rows: readonly ChartRow[], tail: LiveTail): readonly ChartRow[] {
  return tail.rows.length > 1 ? [...rows, ...tail.rows.slice(1)] : rows;
}

type Scale = (value: number) => number | undefined;

/** "M x y L x y …" through a series' values, broken (a new M) at every missing one. */
export function linePath(rows: readonly ChartRow[], key: string, x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (const row of rows) {
    const v = row[key];
    const px = v === null || v === undefined ? undefined : x(row.t);
    const py = v === null || v === undefined ? undefined : y(v);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Inside a Recharts chart: one path per series, continuing each line from the chart's last row. */
export function LiveTailLines({ series }: { series: readonly ChartSeries[] }) {
  const tail = useLiveTail();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (tail.rows.length < 2 || !xScale || !yScale) return null;
  return (
    <g data-live-tail="">
      {series.map((s) => {
        const d = linePath(tail.rows, s.key, xScale, yScale);
        return d.includes('L') ? (
          <g key={s.key} className={slotClass(s.slot)}>
            <path className={styles.tailCurve} d={d} strokeWidth={1.5} fill="none" />
          </g>
        ) : null;
      })}
    </g>
  );
}

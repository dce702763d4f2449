/**
 * The chart's hover read-out: a cursor line, a dot on each series and a tooltip with every
 * series' value at the nearest row, over the drawn rows and the live tail alike. (Recharts'
 * own Tooltip knows only the rows it was given, and the live tail is drawn beside them.)
 */
import { useState } from 'react';
import type { PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { cx } from '../../components/class-names';
import type { ChartRow, ChartSeries } from './chart-data';
import { rowsWithTail, useLiveTail } from './chart-live';
import { slotClass } from './series-slots';
import { Swatch } from './swatch';
import { formatMoment } from './time-ticks';
import styles from './stats-charts.module.css';

/** The row whose time is nearest `t` (rows in time order), or undefined when there are none. */
export function nearestRow(rows: readonly ChartRow[], t: number): ChartRow | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as ChartRow).t < t) lo = mid + 1;
    else hi = mid;
  }
  const after = rows[lo] as ChartRow;
  const before = rows[lo - 1];
  return before && t - before.t < after.t - t ? before : after;
}

interface ChartHoverProps {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  format: (value: number) => string;
  /** The window's span, for the tooltip's time format. */
  span: number;
  /** Where the tooltip goes: the plot's box, over the chart. */
  host: HTMLElement | null;
}

/** Inside a Recharts chart, over its plot area. */
export function ChartHover({ rows, series, format, span, host }: ChartHoverProps) {
  const tail = useLiveTail();
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const invert = useXAxisInverseScale();
  const [pointerX, setPointerX] = useState<number | null>(null);
  if (!plot || !xScale || !yScale || !invert) return null;

  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (box) setPointerX(e.clientX - box.left);
  };
  const t = pointerX === null ? undefined : Number(invert(pointerX));
  // Only while the pointer is over the plot: a live sample does not pay for the read-out.
  const row = t === undefined || !Number.isFinite(t) ? undefined : nearestRow(rowsWithTail(rows, tail), t);
  const x = row ? xScale(row.t) : undefined;
  const onLeftHalf = x !== undefined && x < plot.x + plot.width / 2;

  return (
    <g>
      {row && x !== undefined && (
        <>
          <line className={styles.cursor} x1={x} x2={x} y1={plot.y} y2={plot.y + plot.height} />
          {series.map((s) => {
            const v = row[s.key];
            const y = v === null || v === undefined ? undefined : yScale(v);
            return y === undefined ? null : <circle key={s.key} className={cx(styles.hoverDot, slotClass(s.slot))} cx={x} cy={y} r={3} />;
          })}
        </>
      )}
      <rect
        x={plot.x}
        y={plot.y}
        width={Math.max(0, plot.width)}
        height={Math.max(0, plot.height)}
        fill="transparent"
        onPointerMove={onMove}
        onPointerLeave={() => setPointerX(null)}
      />
      {row &&
        x !== undefined &&
        host &&
        createPortal(
          <div
            role="tooltip"
            className={styles.tooltip}
            style={{ left: onLeftHalf ? x + 12 : x - 12, top: plot.y, transform: onLeftHalf ? undefined : 'translateX(-100%)' }}
          >
            <p className={styles.tooltipTime}>{formatMoment(row.t, span)}</p>
            <ul>
              {series.map((s) => {
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
          </div>,
          host,
        )}
    </g>
  );
}

import { memo, useMemo } from 'react';
import { sparklinePath } from '../../lib/sparkline-path';
import styles from './wall-tile.module.css';

/** The drawing's own units: the SVG stretches them to whatever box the tile gives it. */
const VIEW_WIDTH = 120;
const VIEW_HEIGHT = 40;

/**
 * The filled shape under a sparkline: each unbroken run of the line closed down to the
 * baseline, so a trend reads as a mass from across the room, and a break stays a break.
 */
export function sparkArea(line: string, height: number): string {
  let out = '';
  for (const run of line.split('M')) {
    if (run === '') continue;
    const points = run.split('L');
    const first = points[0]?.split(',')[0];
    const last = points.at(-1)?.split(',')[0];
    if (first === undefined || last === undefined || points.length < 2) continue;
    out += `M${run}L${last},${height}L${first},${height}Z`;
  }
  return out;
}

interface WallSparklineProps {
  values: readonly (number | null)[];
  label: string;
}

/**
 * The wall's sparkline: a plain SVG path (no chart library) that fills the box the tile's
 * layout gives it, at any size, with a stroke of constant width (non-scaling) and a
 * baseline, so an empty chart still reads as a chart with nothing in it.
 */
export const WallSparkline = memo(function WallSparkline({ values, label }: WallSparklineProps) {
  const line = useMemo(() => sparklinePath(values, VIEW_WIDTH, VIEW_HEIGHT), [values]);
  const area = useMemo(() => sparkArea(line, VIEW_HEIGHT), [line]);
  return (
    <svg
      className={styles.spark}
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      focusable="false"
    >
      <line className={styles.sparkBase} x1={0} y1={VIEW_HEIGHT - 0.5} x2={VIEW_WIDTH} y2={VIEW_HEIGHT - 0.5} />
      {area !== '' && <path className={styles.sparkArea} d={area} />}
      {line !== '' && <path className={styles.sparkLine} d={line} />}
    </svg>
  );
});

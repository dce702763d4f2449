import { memo, useMemo } from 'react';
import { sparklinePath } from '../lib/sparkline-path';
import type { SparklineScale } from '../lib/sparkline-path';
import { cx } from './class-names';
import styles from './sparkline.module.css';

interface SparklineProps {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  scale?: SparklineScale;
  /**
   * What the line shows, for screen readers ("CPU over the last 10 minutes, now 3.2 %").
   * Without it the sparkline is decoration and hidden from them.
   */
  label?: string;
  className?: string;
}

/**
 * A plain-SVG line (no chart library): cheap enough for dozens of tiles updating live.
 * The stroke colour is `currentColor`, so the parent's colour (a state tone) applies.
 * Memoised: pass the same `values` array (e.g. from a ring buffer snapshot taken when
 * data changed) and it does not re-render.
 */
export const Sparkline = memo(function Sparkline({ values, width = 96, height = 24, scale, label, className }: SparklineProps) {
  const min = scale?.min;
  const max = scale?.max;
  const zeroBased = scale?.zeroBased;
  const d = useMemo(() => sparklinePath(values, width, height, { min, max, zeroBased }), [values, width, height, min, max, zeroBased]);
  return (
    <svg
      className={cx(styles.sparkline, className)}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {d !== '' && <path d={d} className={styles.line} />}
    </svg>
  );
});

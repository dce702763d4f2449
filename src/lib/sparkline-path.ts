/**
 * The SVG path of a sparkline: values evenly spaced over the width, the largest at the
 * top. A missing value (null) breaks the line, so an outage shows as a gap, not a dip
 * to zero. Pure, so the wall's dozens of tiles draw with plain SVG and no chart library.
 */
import { lttb } from './downsample';

export interface SparklineScale {
  /** Bottom of the scale; default: the smallest value (0 when all values are ≥ 0 and `zeroBased`). */
  min?: number;
  /** Top of the scale; default: the largest value. */
  max?: number;
  /** Start the scale at 0 for non-negative data (default true): a flat line at 3 % should not look like 100 %. */
  zeroBased?: boolean;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** "M0,12L4,10…" for a width×height box (1px inset top and bottom so strokes are not clipped). */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, scale: SparklineScale = {}): string {
  if (values.length === 0 || width <= 0 || height <= 0) return '';
  // At most one point per pixel column: the rest could not be seen anyway.
  const limit = Math.max(2, Math.floor(width));
  const points =
    values.length > limit
      ? lttb(
          values.map((y, x) => ({ x, y })),
          limit,
        )
      : values.map((y, x) => ({ x, y }));
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) continue;
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  if (lo === Infinity) return '';
  if ((scale.zeroBased ?? true) && lo >= 0) lo = 0;
  lo = scale.min ?? lo;
  hi = scale.max ?? hi;
  const span = hi - lo;
  const last = values.length - 1;
  const top = 1;
  const usable = Math.max(0, height - 2);
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    const x = last === 0 ? width : (p.x / last) * width;
    const clamped = Math.min(hi, Math.max(lo, p.y));
    const y = span > 0 ? top + usable * (1 - (clamped - lo) / span) : top + usable / 2;
    d += `${pen ? 'L' : 'M'}${round(x)},${round(y)}`;
    pen = true;
  }
  return d;
}

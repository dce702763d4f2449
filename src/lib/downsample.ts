/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) for time series that a
 * chart draws: keeps the shape (peaks, dips) with a fraction of the points, so a chart
 * never draws more than its budget (docs/architecture.md: ≤ 300 points per series).
 *
 * Two additions to the textbook algorithm:
 * - **Gaps survive.** A missing sample is `null`, and the points on both sides of every
 *   change between data and null are always kept, so a line with `connectNulls={false}`
 *   still breaks where the data breaks, instead of drawing a straight line (or a zero)
 *   across an outage.
 * - **Several series at once.** Rows shared by several series (one x, one value per
 *   series) are picked together, by the sum of each series' triangle area scaled by that
 *   series' range, so every series keeps its own peaks and the rows stay aligned for a
 *   shared tooltip.
 */

export interface XY {
  x: number;
  y: number | null;
}

/** Reads the value of one series at row i; null (or NaN) = no sample. */
type SeriesAccessor = (i: number) => number | null;

function missing(v: number | null): boolean {
  return v === null || Number.isNaN(v);
}

/** `count` indices spread evenly over `indices`, first and last included. */
function thin(indices: readonly number[], count: number): number[] {
  if (count >= indices.length) return [...indices];
  if (count <= 1) return indices.slice(0, Math.max(0, count));
  const out: number[] = [];
  for (let j = 0; j < count; j++) out.push(indices[Math.round((j * (indices.length - 1)) / (count - 1))] as number);
  return out;
}

/**
 * The row indices to keep, ascending, at most `threshold` of them (≥ 2), always with the
 * first and last row. `x` must be non-decreasing.
 */
export function downsampleIndices(rows: number, x: (i: number) => number, series: readonly SeriesAccessor[], threshold: number): number[] {
  const all = (): number[] => Array.from({ length: rows }, (_, i) => i);
  const limit = Math.max(2, Math.floor(threshold));
  if (rows <= limit) return all();

  // Anchors: the ends, and both rows around every data↔null change of any series.
  const anchor = new Uint8Array(rows);
  anchor[0] = 1;
  anchor[rows - 1] = 1;
  for (const s of series) {
    let prevMissing = missing(s(0));
    for (let i = 1; i < rows; i++) {
      const m = missing(s(i));
      if (m !== prevMissing) {
        anchor[i - 1] = 1;
        anchor[i] = 1;
      }
      prevMissing = m;
    }
  }
  const anchors: number[] = [];
  for (let i = 0; i < rows; i++) if (anchor[i] === 1) anchors.push(i);
  if (anchors.length >= limit) return thin(anchors, limit);

  // Between two consecutive anchors every series is either data or null throughout, so
  // each run is downsampled with the series that have data there.
  interface Run {
    from: number; // anchor before the run
    to: number; // anchor after the run
    active: SeriesAccessor[];
  }
  const runs: Run[] = [];
  let free = 0;
  for (let k = 1; k < anchors.length; k++) {
    const from = anchors[k - 1] as number;
    const to = anchors[k] as number;
    if (to - from < 2) continue;
    const active = series.filter((s) => !missing(s(from + 1)));
    // A stretch where every series is null needs only its boundary rows (anchors).
    if (active.length === 0) continue;
    runs.push({ from, to, active });
    free += to - from - 1;
  }

  // Each series' range, so a series in bytes does not drown one in percent.
  const scale = new Map<SeriesAccessor, number>();
  for (const s of series) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < rows; i++) {
      const v = s(i);
      if (v === null || Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    scale.set(s, hi > lo ? 1 / (hi - lo) : 1);
  }

  const budget = limit - anchors.length;
  const kept: number[] = [...anchors];
  for (const run of runs) {
    const m = run.to - run.from - 1;
    const k = Math.floor((m * budget) / free);
    if (k <= 0) continue;
    if (k >= m) {
      for (let i = run.from + 1; i < run.to; i++) kept.push(i);
      continue;
    }
    const first = run.from + 1;
    const edge = (j: number): number => first + Math.floor((j * m) / k);
    let prev = run.from;
    for (let j = 0; j < k; j++) {
      const start = edge(j);
      const end = edge(j + 1);
      // The next bucket's mean point (the run's closing anchor for the last bucket).
      let avgX: number;
      const avgY: number[] = [];
      if (j + 1 < k) {
        const nStart = end;
        const nEnd = edge(j + 2);
        const len = nEnd - nStart;
        let sx = 0;
        for (let i = nStart; i < nEnd; i++) sx += x(i);
        avgX = sx / len;
        for (const s of run.active) {
          let sy = 0;
          for (let i = nStart; i < nEnd; i++) sy += s(i) ?? 0;
          avgY.push(sy / len);
        }
      } else {
        avgX = x(run.to);
        for (const s of run.active) avgY.push(s(run.to) ?? 0);
      }
      const px = x(prev);
      let best = start;
      let bestArea = -1;
      for (let i = start; i < end; i++) {
        const cx = x(i);
        let area = 0;
        run.active.forEach((s, si) => {
          const py = s(prev) ?? 0;
          const cy = s(i) ?? 0;
          const ay = avgY[si] ?? 0;
          area += Math.abs((px - avgX) * (cy - py) - (px - cx) * (ay - py)) * (scale.get(s) ?? 1);
        });
        if (area > bestArea) {
          bestArea = area;
          best = i;
        }
      }
      kept.push(best);
      prev = best;
    }
  }
  return kept.sort((a, b) => a - b);
}

/** One series of points, downsampled to at most `threshold` points with its gaps kept. */
export function lttb<P extends XY>(points: readonly P[], threshold: number): P[] {
  if (points.length <= Math.max(2, threshold)) return [...points];
  const indices = downsampleIndices(points.length, (i) => (points[i] as P).x, [(i) => (points[i] as P).y], threshold);
  return indices.map((i) => points[i] as P);
}

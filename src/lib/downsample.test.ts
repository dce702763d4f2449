import { describe, expect, it } from 'vitest';
import { downsampleIndices, lttb, type XY } from './downsample';

/** The reference LTTB (Steinarsson's thesis, as in his JavaScript port), for comparison. */
function referenceLttb(data: readonly [number, number][], threshold: number): number[] {
  const n = data.length;
  if (threshold >= n || threshold === 0) return data.map((_, i) => i);
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  const picked = [0];
  for (let i = 0; i < threshold - 2; i++) {
    let avgX = 0;
    let avgY = 0;
    const avgStart = Math.floor((i + 1) * every) + 1;
    const avgEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += (data[j] as [number, number])[0];
      avgY += (data[j] as [number, number])[1];
    }
    avgX /= avgEnd - avgStart;
    avgY /= avgEnd - avgStart;
    const rangeStart = Math.floor(i * every) + 1;
    const rangeEnd = Math.floor((i + 1) * every) + 1;
    const [ax, ay] = data[a] as [number, number];
    let maxArea = -1;
    let next = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const [x, y] = data[j] as [number, number];
      const area = Math.abs((ax - avgX) * (y - ay) - (ax - x) * (avgY - ay));
      if (area > maxArea) {
        maxArea = area;
        next = j;
      }
    }
    picked.push(next);
    a = next;
  }
  picked.push(n - 1);
  return picked;
}

/** A deterministic wiggly series (no Math.random: tests repeat exactly). */
function wave(n: number, seed = 1): XY[] {
  return Array.from({ length: n }, (_, i) => ({
    x: 1000 * i,
    y: Math.round(50 + 30 * Math.sin(i / 7 + seed) + 10 * Math.sin(i * 1.3 * seed)),
  }));
}

describe('lttb', () => {
  it('returns the series unchanged when it already fits', () => {
    const points = wave(50);
    expect(lttb(points, 300)).toEqual(points);
    expect(lttb(points, 50)).toEqual(points);
    expect(lttb([], 10)).toEqual([]);
  });

  it('picks the same points as the reference LTTB for a series without gaps', () => {
    for (const [n, threshold] of [
      [1000, 300],
      [1441, 300],
      [301, 300],
      [5000, 97],
      [20, 3],
    ] as const) {
      const points = wave(n, n % 7);
      const ours = downsampleIndices(n, (i) => points[i]?.x ?? 0, [(i) => points[i]?.y ?? null], threshold);
      const ref = referenceLttb(
        points.map((p) => [p.x, p.y ?? 0]),
        threshold,
      );
      expect(ours).toEqual(ref);
    }
  });

  it('never returns more than the threshold, and keeps the first and last point', () => {
    const points = wave(4321);
    const out = lttb(points, 300);
    expect(out).toHaveLength(300);
    expect(out[0]).toBe(points[0]);
    expect(out[out.length - 1]).toBe(points[points.length - 1]);
    expect(out.map((p) => p.x)).toEqual([...out.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('keeps a one-sample spike in a flat line', () => {
    const points: XY[] = Array.from({ length: 2000 }, (_, i) => ({ x: i, y: i === 1234 ? 99 : 1 }));
    const out = lttb(points, 50);
    expect(out.some((p) => p.y === 99)).toBe(true);
  });

  it('keeps gaps as gaps: the nulls and the points on both sides of each outage survive', () => {
    const points: XY[] = wave(3000).map((p, i) => ((i >= 1000 && i < 1100) || i === 2500 ? { x: p.x, y: null } : p));
    const out = lttb(points, 120);
    expect(out.length).toBeLessThanOrEqual(120);
    const xs = out.map((p) => p.x);
    // The last sample before each gap, a null inside it and the first sample after it.
    for (const i of [999, 1000, 1099, 1100, 2499, 2500, 2501]) expect(xs).toContain(points[i]?.x);
    // Never a zero where a sample is missing.
    expect(out.filter((p) => p.y === null).map((p) => p.x)).toEqual([1000, 1099, 2500].map((i) => points[i]?.x));
  });

  it('thins evenly when there are more gap boundaries than the budget allows', () => {
    const points: XY[] = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i % 2 === 0 ? i : null }));
    const out = lttb(points, 100);
    expect(out).toHaveLength(100);
    expect(out[0]?.x).toBe(0);
    expect(out[99]?.x).toBe(999);
  });
});

describe('downsampleIndices over several series', () => {
  it('keeps a spike of one series even when another series has much larger values', () => {
    const n = 3000;
    const bytes = (i: number): number => 5e8 + 1e6 * Math.sin(i / 50);
    const cpu = (i: number): number => (i === 2222 ? 80 : 2);
    const kept = downsampleIndices(n, (i) => i, [bytes, cpu], 60);
    expect(kept.length).toBeLessThanOrEqual(60);
    expect(kept).toContain(2222);
  });

  it('keeps the rows where a series starts and stops (an instance that came and went)', () => {
    const n = 2000;
    const always = (i: number): number => Math.sin(i / 30);
    const late = (i: number): number | null => (i >= 700 && i < 1500 ? Math.cos(i / 20) : null);
    const kept = downsampleIndices(n, (i) => i, [always, late], 200);
    expect(kept.length).toBeLessThanOrEqual(200);
    for (const i of [0, 699, 700, 1499, 1500, 1999]) expect(kept).toContain(i);
  });

  it('keeps only the edges of a stretch where every series is missing', () => {
    const n = 1000;
    const s = (i: number): number | null => (i >= 100 && i < 900 ? null : i);
    const kept = downsampleIndices(n, (i) => i, [s], 50);
    expect(kept.filter((i) => i > 100 && i < 899)).toEqual([]);
    expect(kept).toEqual(expect.arrayContaining([99, 100, 899, 900]));
  });
});

import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline-path';

describe('sparklinePath', () => {
  it('spreads values over the width with the largest at the top', () => {
    expect(sparklinePath([0, 5, 10], 100, 22)).toBe('M0,21L50,11L100,1');
  });

  it('starts a new segment after a missing value instead of drawing a zero', () => {
    expect(sparklinePath([4, null, 8, 6], 30, 12, { min: 0, max: 10 })).toBe('M0,7M20,3L30,5');
  });

  it('draws a flat series in the middle, and nothing for no data', () => {
    expect(sparklinePath([0, 0], 10, 12, { zeroBased: false })).toBe('M0,6L10,6');
    expect(sparklinePath([], 10, 10)).toBe('');
    expect(sparklinePath([null, null], 10, 10)).toBe('');
    expect(sparklinePath([3], 10, 12)).toBe('M10,1');
  });

  it('draws at most one point per pixel column however long the series', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.sin(i / 100));
    const d = sparklinePath(values, 120, 24);
    expect(d.split(/[ML]/).filter(Boolean).length).toBeLessThanOrEqual(120);
    expect(d.startsWith('M0,')).toBe(true);
  });
});

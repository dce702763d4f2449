import { describe, expect, it } from 'vitest';
import { nearestRow } from './chart-hover';
import { linePath } from './chart-live';

const x = (t: number) => t * 10;
const y = (v: number) => 100 - v;

describe('live tail path', () => {
  it('draws through the values and breaks at a missing one', () => {
    const rows = [
      { t: 0, s0: 1 },
      { t: 1, s0: 2 },
      { t: 2, s0: null },
      { t: 3, s0: 4 },
      { t: 4, s0: 5 },
    ];
    expect(linePath(rows, 's0', x, y)).toBe('M0.0,99.0L10.0,98.0M30.0,96.0L40.0,95.0');
  });

  it('skips what the scales cannot place', () => {
    const rows = [
      { t: 0, s0: 1 },
      { t: 1, s0: 2 },
    ];
    expect(linePath(rows, 's0', () => undefined, y)).toBe('');
    expect(linePath(rows, 's1', x, y)).toBe('');
  });
});

describe('hover', () => {
  const rows = [10, 20, 40].map((t) => ({ t }));
  it('reads the row nearest the pointer', () => {
    expect(nearestRow(rows, 0)?.t).toBe(10);
    expect(nearestRow(rows, 14)?.t).toBe(10);
    expect(nearestRow(rows, 16)?.t).toBe(20);
    expect(nearestRow(rows, 31)?.t).toBe(40);
    expect(nearestRow(rows, 99)?.t).toBe(40);
    expect(nearestRow([], 5)).toBeUndefined();
  });
});

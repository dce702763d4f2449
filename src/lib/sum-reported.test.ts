import { describe, expect, it } from 'vitest';
import { sumReported } from './sum-reported';

describe('sumReported', () => {
  const cpu = (c: { cpu: number | null }) => c.cpu;

  it('sums what the containers reported', () => {
    expect(sumReported([{ cpu: 12.5 }, { cpu: 7.5 }], cpu)).toBe(20);
  });

  it('leaves out a container without a figure, and is null (not 0) when none has one', () => {
    expect(sumReported([{ cpu: null }, { cpu: 3 }], cpu)).toBe(3);
    expect(sumReported([{ cpu: null }], cpu)).toBeNull();
    expect(sumReported([], cpu)).toBeNull();
  });

  it('a reported 0 is a figure', () => {
    expect(sumReported([{ cpu: 0 }, { cpu: null }], cpu)).toBe(0);
  });

  it('a figure that is no number (NaN, Infinity) does not poison the total', () => {
    expect(sumReported([{ cpu: Number.NaN }, { cpu: Infinity }, { cpu: 2 }], cpu)).toBe(2);
  });
});

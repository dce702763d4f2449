import { describe, expect, it } from 'vitest';
import { LineRing } from './line-ring';

describe('LineRing', () => {
  it('keeps the newest items up to its capacity, oldest first', () => {
    const ring = new LineRing<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.length).toBe(3);
    expect(ring.at(0)).toBe(3);
    expect(ring.last()).toBe(5);
    expect(ring.at(3)).toBeUndefined();
  });

  it('shrinks and grows, keeping the newest', () => {
    const ring = new LineRing<number>(5);
    for (let i = 1; i <= 7; i++) ring.push(i);
    ring.resize(2);
    expect(ring.toArray()).toEqual([6, 7]);
    ring.resize(4);
    ring.push(8);
    ring.push(9);
    ring.push(10);
    expect(ring.toArray()).toEqual([7, 8, 9, 10]);
  });

  it('clears', () => {
    const ring = new LineRing<string>(2);
    ring.push('a');
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new LineRing(0)).toThrow(RangeError);
  });
});

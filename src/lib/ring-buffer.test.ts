import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps items oldest first until full', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.size).toBe(0);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.at(0)).toBe(1);
    expect(ring.at(-1)).toBe(2);
    expect(ring.last()).toBe(2);
  });

  it('drops the oldest item when full, and never holds more than its capacity', () => {
    const ring = new RingBuffer<number>(3);
    const dropped: (number | undefined)[] = [];
    for (let i = 1; i <= 10; i++) dropped.push(ring.push(i));
    expect(ring.size).toBe(3);
    expect(ring.toArray()).toEqual([8, 9, 10]);
    expect(dropped).toEqual([undefined, undefined, undefined, 1, 2, 3, 4, 5, 6, 7]);
    expect(ring.at(0)).toBe(8);
    expect(ring.at(2)).toBe(10);
    expect(ring.at(3)).toBeUndefined();
    expect(ring.at(-3)).toBe(8);
    expect(ring.at(-4)).toBeUndefined();
  });

  it('walks items in order across the wrap without copying', () => {
    const ring = new RingBuffer<string>(4);
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) ring.push(s);
    const seen: string[] = [];
    ring.forEach((item, i) => seen.push(`${i}:${item}`));
    expect(seen).toEqual(['0:c', '1:d', '2:e', '3:f']);
  });

  it('drops old items by a predicate, e.g. samples that left the time window', () => {
    const ring = new RingBuffer<{ t: number }>(5);
    for (let t = 1; t <= 7; t++) ring.push({ t });
    expect(ring.dropWhile((s) => s.t < 5)).toBe(2);
    expect(ring.toArray().map((s) => s.t)).toEqual([5, 6, 7]);
    ring.push({ t: 8 });
    ring.push({ t: 9 });
    ring.push({ t: 10 });
    expect(ring.toArray().map((s) => s.t)).toEqual([6, 7, 8, 9, 10]);
    expect(ring.dropWhile(() => true)).toBe(5);
    expect(ring.size).toBe(0);
  });

  it('changes its version on every write, so views can skip unchanged data', () => {
    const ring = new RingBuffer<number>(2);
    const v0 = ring.version;
    ring.push(1);
    const v1 = ring.version;
    expect(v1).not.toBe(v0);
    expect(ring.dropWhile(() => false)).toBe(0);
    expect(ring.version).toBe(v1);
    ring.clear();
    expect(ring.version).not.toBe(v1);
    expect(ring.toArray()).toEqual([]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(RangeError);
  });
});

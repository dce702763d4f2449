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

  it('finds the first item past a point by binary search (the simulator pages logs by id)', () => {
    const ring = new RingBuffer<number>(4);
    for (let i = 1; i <= 6; i++) ring.push(i * 10);
    expect(ring.toArray()).toEqual([30, 40, 50, 60]);
    expect(ring.lowerBound((n) => n > 40)).toBe(2);
    expect(ring.lowerBound((n) => n > 0)).toBe(0);
    expect(ring.lowerBound((n) => n > 60)).toBe(4);
  });

  it('holds storage for what it holds, not for its capacity', () => {
    const ring = new RingBuffer<number>(100_000);
    ring.push(1);
    ring.push(2);
    const clone = structuredClone(ring) as unknown as { items: unknown[] };
    expect(clone.items).toHaveLength(2);
  });

  it("gets its class back from a structured clone (the simulator's saved world)", () => {
    const ring = new RingBuffer<string>(3);
    for (const s of ['a', 'b', 'c', 'd']) ring.push(s);
    const revived = RingBuffer.revive<string>(structuredClone(ring));
    expect(revived).toBeInstanceOf(RingBuffer);
    expect(revived?.toArray()).toEqual(['b', 'c', 'd']);
    revived?.push('e');
    expect(revived?.toArray()).toEqual(['c', 'd', 'e']);
    expect(RingBuffer.revive(ring)).toBe(ring);
  });

  it('revives a clone saved before rings counted their writes, and refuses what is no ring', () => {
    const old = { capacity: 2, items: ['x', 'y'], start: 0, count: 2 };
    const revived = RingBuffer.revive<string>(old);
    expect(revived?.toArray()).toEqual(['x', 'y']);
    const before = revived?.version;
    revived?.push('z');
    expect(revived?.version).not.toBe(before);
    expect(Number.isNaN(revived?.version)).toBe(false);
    expect(RingBuffer.revive(null)).toBeNull();
    expect(RingBuffer.revive({ capacity: 2, items: 'no' })).toBeNull();
  });
});

// What the log view's held lines need of a ring (they were a LineRing of their own before).
describe('RingBuffer as the log view holds lines', () => {
  it('keeps the newest items up to its capacity, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(ring.at(0)).toBe(3);
    expect(ring.last()).toBe(5);
    expect(ring.at(3)).toBeUndefined();
  });

  it('shrinks and grows, keeping the newest', () => {
    let ring = new RingBuffer<number>(5);
    for (let i = 1; i <= 7; i++) ring.push(i);
    ring = ring.resized(2);
    expect(ring.toArray()).toEqual([6, 7]);
    ring = ring.resized(4);
    ring.push(8);
    ring.push(9);
    ring.push(10);
    expect(ring.toArray()).toEqual([7, 8, 9, 10]);
  });

  it('is cut back to its newest items, keeping its capacity (a simulated service nobody reads)', () => {
    const ring = new RingBuffer<number>(5);
    for (let i = 1; i <= 5; i++) ring.push(i);
    const cut = ring.resized(5, 2);
    expect(cut.toArray()).toEqual([4, 5]);
    expect(cut.capacity).toBe(5);
    expect(ring.toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it('clears', () => {
    const ring = new RingBuffer<string>(2);
    ring.push('a');
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2).resized(0)).toThrow(RangeError);
  });
});

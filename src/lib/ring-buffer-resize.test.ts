import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';
import { resizedRingBuffer } from './ring-buffer-resize';

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
    ring = resizedRingBuffer(ring, 2);
    expect(ring.toArray()).toEqual([6, 7]);
    ring = resizedRingBuffer(ring, 4);
    ring.push(8);
    ring.push(9);
    ring.push(10);
    expect(ring.toArray()).toEqual([7, 8, 9, 10]);
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
    expect(() => resizedRingBuffer(new RingBuffer(2), 0)).toThrow(RangeError);
  });
});

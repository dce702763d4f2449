import { RingBuffer } from './ring-buffer';

/**
 * A ring of `capacity` holding the newest items of `ring` that fit: how a bounded list
 * changes its bound (the log view's "Keep lines"). RingBuffer's capacity is fixed.
 */
export function resizedRingBuffer<T>(ring: RingBuffer<T>, capacity: number): RingBuffer<T> {
  const next = new RingBuffer<T>(capacity);
  const from = ring.size - capacity;
  ring.forEach((item, i) => {
    if (i >= from) next.push(item);
  });
  return next;
}

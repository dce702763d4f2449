/**
 * A fixed-capacity buffer that drops its oldest item when full: the bound on every live
 * series (stats samples, wall sparklines), so memory stays flat however long a page runs.
 * `version` changes on every write, so a view can tell "new data" from a cheap number.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;
  private writes = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  /** Items held now (≤ capacity). */
  get size(): number {
    return this.count;
  }

  /** Bumped by every push and clear. */
  get version(): number {
    return this.writes;
  }

  /** Appends; when full, the oldest item is dropped and returned. */
  push(item: T): T | undefined {
    this.writes += 1;
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count += 1;
      return undefined;
    }
    const dropped = this.items[this.start];
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return dropped;
  }

  /** The i-th item, 0 = oldest; negative counts from the newest (-1 = newest). */
  at(i: number): T | undefined {
    const index = i < 0 ? this.count + i : i;
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.start + index) % this.capacity];
  }

  /** The newest item. */
  last(): T | undefined {
    return this.at(-1);
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    this.forEach((item) => out.push(item));
    return out;
  }

  /** Oldest first, without copying. */
  forEach(fn: (item: T, index: number) => void): void {
    for (let i = 0; i < this.count; i++) fn(this.items[(this.start + i) % this.capacity] as T, i);
  }

  /** Drops the oldest items while `pred` holds for them (e.g. samples older than a window). */
  dropWhile(pred: (item: T) => boolean): number {
    let dropped = 0;
    while (this.count > 0 && pred(this.items[this.start] as T)) {
      this.items[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count -= 1;
      dropped += 1;
    }
    if (dropped > 0) this.writes += 1;
    return dropped;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.count = 0;
    this.writes += 1;
  }
}

/**
 * A fixed-capacity buffer that drops its oldest item when full: the bound on every live
 * series and list (stats samples, wall sparklines, the log view's lines, a stream feed,
 * the simulator's logs and events), so memory stays flat however long a page or a
 * simulated master runs. Its storage grows with what it holds, up to the capacity, so a
 * ring that never fills (thousands of quiet simulated services) costs only its items.
 * `version` changes on every write, so a view can tell "new data" from a cheap number.
 *
 * The fields are plain (no #private): the simulator's saved world is a structured clone,
 * which keeps them and drops the class; `RingBuffer.revive` gives it back.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[] = [];
  private start = 0;
  private count = 0;
  private writes = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
  }

  /**
   * A ring again from its structured clone (IndexedDB, postMessage). Null when the value
   * is not a ring's clone. A clone saved before rings counted their writes starts at 0.
   */
  static revive<T>(value: unknown): RingBuffer<T> | null {
    if (value instanceof RingBuffer) return value as RingBuffer<T>;
    if (typeof value !== 'object' || value === null) return null;
    const fields = value as Record<string, unknown>;
    const { capacity, items, start, count } = fields;
    if (typeof capacity !== 'number' || !Array.isArray(items) || typeof start !== 'number' || typeof count !== 'number') return null;
    if (typeof fields.writes !== 'number') fields.writes = 0;
    return Object.setPrototypeOf(value, RingBuffer.prototype) as RingBuffer<T>;
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
      const index = (this.start + this.count) % this.capacity;
      if (index === this.items.length) this.items.push(item);
      else this.items[index] = item;
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

  /** First index whose item satisfies a predicate that is false…false,true…true over the buffer (binary search). */
  lowerBound(pred: (item: T) => boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.at(mid);
      if (item !== undefined && pred(item)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
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

  /**
   * A new ring of `capacity` holding the newest `keep` items of this one (as many as fit):
   * how a bounded list changes its bound (the log view's "Keep lines"), or is cut back
   * (the simulator's logs of a service nobody reads). This ring is left as it was.
   */
  resized(capacity: number, keep = capacity): RingBuffer<T> {
    const next = new RingBuffer<T>(capacity);
    const from = this.count - Math.min(keep, capacity);
    this.forEach((item, i) => {
      if (i >= from) next.push(item);
    });
    return next;
  }

  clear(): void {
    this.items.length = 0;
    this.start = 0;
    this.count = 0;
    this.writes += 1;
  }
}

/**
 * A bounded append-only buffer (oldest dropped first) for logs and events: fixed memory
 * however long the simulator runs.
 */
export class Ring<T> {
  /** Grows up to capacity as items come, so a ring that never fills costs only what it holds. */
  private readonly items: (T | undefined)[] = [];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {}

  /**
   * A ring again from its structured clone (IndexedDB, postMessage), which keeps the
   * fields and drops the class. Null when the value is not a ring's clone.
   */
  static revive<T>(value: unknown): Ring<T> | null {
    if (value instanceof Ring) return value as Ring<T>;
    if (typeof value !== 'object' || value === null) return null;
    const { capacity, items, start, count } = value as Record<string, unknown>;
    if (typeof capacity !== 'number' || !Array.isArray(items) || typeof start !== 'number' || typeof count !== 'number') return null;
    return Object.setPrototypeOf(value, Ring.prototype) as Ring<T>;
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count < this.capacity) {
      const index = (this.start + this.count) % this.capacity;
      if (index === this.items.length) this.items.push(item);
      else this.items[index] = item;
      this.count += 1;
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
  }

  /** The i-th item, 0 = oldest. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  /** First index whose item satisfies a predicate that is false…false,true…true over the buffer. */
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
}

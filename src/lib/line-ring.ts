/**
 * A bounded list that keeps the newest `capacity` items: the log lines a viewer holds.
 * Pushing past the capacity drops the oldest; shrinking the capacity drops the oldest.
 */
export class LineRing<T> {
  private slots: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(private cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`capacity must be a positive integer, not ${cap}`);
    this.slots = new Array<T | undefined>(cap);
  }

  get length(): number {
    return this.size;
  }

  get capacity(): number {
    return this.cap;
  }

  push(item: T): void {
    if (this.size < this.cap) {
      this.slots[(this.start + this.size) % this.cap] = item;
      this.size++;
    } else {
      this.slots[this.start] = item;
      this.start = (this.start + 1) % this.cap;
    }
  }

  /** The i-th oldest item held. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.slots[(this.start + i) % this.cap];
  }

  last(): T | undefined {
    return this.at(this.size - 1);
  }

  forEach(fn: (item: T, index: number) => void): void {
    for (let i = 0; i < this.size; i++) {
      const item = this.slots[(this.start + i) % this.cap];
      if (item !== undefined) fn(item, i);
    }
  }

  toArray(): T[] {
    const out: T[] = [];
    this.forEach((item) => out.push(item));
    return out;
  }

  clear(): void {
    this.slots = new Array<T | undefined>(this.cap);
    this.start = 0;
    this.size = 0;
  }

  /** Changes the capacity, keeping the newest items that fit. */
  resize(capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    const kept = this.toArray().slice(-capacity);
    this.cap = capacity;
    this.slots = new Array<T | undefined>(capacity);
    for (let i = 0; i < kept.length; i++) this.slots[i] = kept[i];
    this.start = 0;
    this.size = kept.length;
  }
}

/**
 * A bounded, batched list of items arriving from a stream, for `useSyncExternalStore`.
 * Items pushed between two flushes are applied together, so a burst of a thousand
 * stream items costs one render, not a thousand; only the newest `limit` are kept,
 * including while flushes are held back (a hidden tab runs no animation frames).
 */
export interface BoundedFeed<T> {
  /** Queues items (oldest first) for the next flush. */
  push(items: readonly T[]): void;
  /** Applies what is queued now, without waiting for the scheduler. */
  flush(): void;
  /** Empties the list and the queue. */
  clear(): void;
  /** The current list, oldest first; a new array after every change, stable otherwise. */
  snapshot(): readonly FeedEntry<T>[];
  subscribe(listener: () => void): () => void;
  /** Cancels a pending flush and drops the listeners. */
  dispose(): void;
}

/** An item with a number unique within its feed, usable as a React key. */
export interface FeedEntry<T> {
  seq: number;
  item: T;
}

/** Runs `fn` later (an animation frame, a timer); returns a function that cancels it. */
export type FlushScheduler = (fn: () => void) => () => void;

export interface BoundedFeedOptions {
  /** The most items kept; older ones are dropped. */
  limit: number;
  schedule: FlushScheduler;
}

export function createBoundedFeed<T>({ limit, schedule }: BoundedFeedOptions): BoundedFeed<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  let list: readonly FeedEntry<T>[] = [];
  let queue: FeedEntry<T>[] = [];
  let nextSeq = 1;
  let cancel: (() => void) | null = null;
  const listeners = new Set<() => void>();

  const flush = (): void => {
    cancel?.();
    cancel = null;
    if (queue.length === 0) return;
    const merged = list.concat(queue);
    queue = [];
    list = merged.length > limit ? merged.slice(merged.length - limit) : merged;
    for (const listener of [...listeners]) listener();
  };

  return {
    push(items) {
      if (items.length === 0) return;
      for (const item of items) queue.push({ seq: nextSeq++, item });
      if (queue.length > limit) queue = queue.slice(queue.length - limit);
      cancel ??= schedule(() => {
        cancel = null;
        flush();
      });
    },
    flush,
    clear() {
      cancel?.();
      cancel = null;
      queue = [];
      if (list.length === 0) return;
      list = [];
      for (const listener of [...listeners]) listener();
    },
    snapshot: () => list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      cancel?.();
      cancel = null;
      listeners.clear();
    },
  };
}

/**
 * One flush per animation frame where frames exist; a short timer otherwise (Node,
 * workers). A hidden tab gets no frames: the feed keeps its bounded queue until it shows.
 */
export function frameScheduler(fallbackMs = 100): FlushScheduler {
  return (fn) => {
    if (typeof globalThis.requestAnimationFrame === 'function') {
      const id = globalThis.requestAnimationFrame(() => fn());
      return () => globalThis.cancelAnimationFrame(id);
    }
    const id = globalThis.setTimeout(fn, fallbackMs);
    return () => globalThis.clearTimeout(id);
  };
}

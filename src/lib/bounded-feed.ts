/**
 * A bounded, batched list of items arriving from a stream, for `useSyncExternalStore`.
 * Items pushed between two flushes are applied together, so a burst of a thousand
 * stream items costs one render, not a thousand; only the newest `limit` are kept,
 * including while flushes are held back (a hidden tab runs no animation frames).
 */
import { createListeners } from './listeners';
import { RingBuffer } from './ring-buffer';

interface BoundedFeed<T> {
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

interface BoundedFeedOptions {
  /** The most items kept; older ones are dropped. */
  limit: number;
  schedule: FlushScheduler;
}

export function createBoundedFeed<T>({ limit, schedule }: BoundedFeedOptions): BoundedFeed<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  // The newest `limit` entries, shown and queued alike; `list` is what was shown at the last flush.
  const ring = new RingBuffer<FeedEntry<T>>(limit);
  let list: readonly FeedEntry<T>[] = [];
  let queued = false;
  let nextSeq = 1;
  let cancel: (() => void) | null = null;
  const listeners = createListeners();

  const flush = (): void => {
    cancel?.();
    cancel = null;
    if (!queued) return;
    queued = false;
    list = ring.toArray();
    listeners.notify();
  };

  return {
    push(items) {
      if (items.length === 0) return;
      for (const item of items) ring.push({ seq: nextSeq++, item });
      queued = true;
      cancel ??= schedule(() => {
        cancel = null;
        flush();
      });
    },
    flush,
    clear() {
      cancel?.();
      cancel = null;
      ring.clear();
      queued = false;
      if (list.length === 0) return;
      list = [];
      listeners.notify();
    },
    snapshot: () => list,
    subscribe: listeners.subscribe,
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

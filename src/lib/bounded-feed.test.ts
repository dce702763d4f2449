import { describe, expect, it, vi } from 'vitest';
import { createBoundedFeed, type FlushScheduler } from './bounded-feed';

function manualScheduler() {
  const pending: (() => void)[] = [];
  const schedule: FlushScheduler = (fn) => {
    pending.push(fn);
    return () => {
      const at = pending.indexOf(fn);
      if (at >= 0) pending.splice(at, 1);
    };
  };
  return { schedule, runAll: () => pending.splice(0).forEach((fn) => fn()), count: () => pending.length };
}

describe('bounded feed', () => {
  it('applies a burst of pushes in one flush and notifies once', () => {
    const s = manualScheduler();
    const feed = createBoundedFeed<number>({ limit: 10, schedule: s.schedule });
    const listener = vi.fn();
    feed.subscribe(listener);
    feed.push([1, 2]);
    feed.push([3]);
    expect(s.count()).toBe(1);
    expect(feed.snapshot()).toEqual([]);
    s.runAll();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(feed.snapshot().map((e) => e.item)).toEqual([1, 2, 3]);
  });

  it('keeps only the newest items, also in the queue while no flush runs', () => {
    const s = manualScheduler();
    const feed = createBoundedFeed<number>({ limit: 3, schedule: s.schedule });
    feed.push([1, 2]);
    s.runAll();
    feed.push([3, 4, 5, 6, 7]);
    feed.push([8]);
    s.runAll();
    expect(feed.snapshot().map((e) => e.item)).toEqual([6, 7, 8]);
  });

  it('gives every entry a unique, increasing seq for keys, and a stable snapshot between changes', () => {
    const s = manualScheduler();
    const feed = createBoundedFeed<string>({ limit: 5, schedule: s.schedule });
    feed.push(['a', 'a']);
    feed.flush();
    const first = feed.snapshot();
    expect(feed.snapshot()).toBe(first);
    expect(first.map((e) => e.seq)).toEqual([1, 2]);
    expect(s.count()).toBe(0);
  });

  it('clear empties list and queue; dispose cancels the pending flush', () => {
    const s = manualScheduler();
    const feed = createBoundedFeed<number>({ limit: 5, schedule: s.schedule });
    feed.push([1]);
    feed.flush();
    feed.push([2]);
    feed.clear();
    expect(feed.snapshot()).toEqual([]);
    expect(s.count()).toBe(0);
    feed.push([3]);
    feed.dispose();
    expect(s.count()).toBe(0);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createBoundedFeed({ limit: 0, schedule: manualScheduler().schedule })).toThrow(RangeError);
  });
});

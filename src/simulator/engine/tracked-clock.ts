/**
 * A Clock wrapper that remembers the timers the simulator set, so `pendingTimers()`
 * reports only ours and `dispose()` can clear every one of them.
 */
import type { Clock, TimerId } from './clock';

export interface TrackedClock extends Clock {
  clearAll(): void;
}

export function createTrackedClock(base: Clock): TrackedClock {
  const timeouts = new Set<TimerId>();
  const intervals = new Set<TimerId>();
  return {
    now: () => base.now(),
    setTimeout(fn, ms) {
      const id: TimerId = base.setTimeout(() => {
        timeouts.delete(id);
        fn();
      }, ms);
      timeouts.add(id);
      return id;
    },
    clearTimeout(id) {
      timeouts.delete(id);
      base.clearTimeout(id);
    },
    setInterval(fn, ms) {
      const id = base.setInterval(fn, ms);
      intervals.add(id);
      return id;
    },
    clearInterval(id) {
      intervals.delete(id);
      base.clearInterval(id);
    },
    pendingTimers: () => timeouts.size + intervals.size,
    clearAll() {
      for (const id of timeouts) base.clearTimeout(id);
      for (const id of intervals) base.clearInterval(id);
      timeouts.clear();
      intervals.clear();
    },
  };
}

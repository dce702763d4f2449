import type { StreamClock } from '../../src/api/stream-watchdog';

/**
 * A stream clock whose time and timers move only when a test says, and separately: time
 * can pass while no timer runs, as in a background tab whose timers are throttled to
 * once a minute, or a page busy for seconds.
 */
export interface ManualClock extends StreamClock {
  /** Time passes and no timer runs. */
  pass(ms: number): void;
  /** Runs, at once and in order, the timers due by now (late if time passed without them), and those they set that are due too. */
  runDue(): void;
  /** Time passes and every timer runs at its time. */
  advance(ms: number): void;
  /** Timers set and not yet run or cleared. */
  pending(): number;
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export function createManualClock(start = 1_000_000): ManualClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  function next(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of timers.values())
      if (t.at <= limit && (best === undefined || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    return best;
  }

  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { id, at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    pass(ms) {
      now += ms;
    },
    runDue() {
      for (let t = next(now); t; t = next(now)) {
        timers.delete(t.id);
        t.fn();
      }
    },
    advance(ms) {
      const target = now + ms;
      for (let t = next(target); t; t = next(target)) {
        now = Math.max(now, t.at);
        timers.delete(t.id);
        t.fn();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}

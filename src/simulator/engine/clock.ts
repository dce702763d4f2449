/**
 * The simulator's only source of time. Everything that waits (deploy steps, the
 * 20 s scheduler, stream keep-alives, log generators) goes through a Clock, so tests
 * drive the whole master with a fake clock and nothing sleeps.
 */
export type TimerId = number;

export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  setInterval(fn: () => void, ms: number): TimerId;
  clearInterval(id: TimerId): void;
  /** Timers scheduled and not yet fired or cleared: the leak detector of the stream tests. */
  pendingTimers(): number;
}

export interface FakeClock extends Clock {
  /** Moves time forward, firing every due timer in order (timers may schedule more). */
  advance(ms: number): void;
  /** Moves time forward in steps, awaiting microtasks between steps so async work settles. */
  advanceAsync(ms: number, stepMs?: number): Promise<void>;
  set(nowMs: number): void;
}

export function createRealClock(): Clock {
  const live = new Map<TimerId, ReturnType<typeof globalThis.setTimeout>>();
  const intervals = new Map<TimerId, ReturnType<typeof globalThis.setInterval>>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = nextId++;
      live.set(
        id,
        globalThis.setTimeout(() => {
          live.delete(id);
          fn();
        }, ms),
      );
      return id;
    },
    clearTimeout(id) {
      const handle = live.get(id);
      if (handle !== undefined) globalThis.clearTimeout(handle);
      live.delete(id);
    },
    setInterval(fn, ms) {
      const id = nextId++;
      intervals.set(id, globalThis.setInterval(fn, ms));
      return id;
    },
    clearInterval(id) {
      const handle = intervals.get(id);
      if (handle !== undefined) globalThis.clearInterval(handle);
      intervals.delete(id);
    },
    pendingTimers: () => live.size + intervals.size,
  };
}

interface FakeTimer {
  id: TimerId;
  at: number;
  fn: () => void;
  every: number | null;
}

export function createFakeClock(startMs = Date.UTC(2017, 3, 6, 12, 0, 0)): FakeClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<TimerId, FakeTimer>();

  function due(limit: number): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const t of timers.values()) {
      if (t.at <= limit && (best === undefined || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    }
    return best;
  }

  const clock: FakeClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { id, at: now + Math.max(0, ms), fn, every: null });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    setInterval(fn, ms) {
      const id = nextId++;
      const every = Math.max(1, ms);
      timers.set(id, { id, at: now + every, fn, every });
      return id;
    },
    clearInterval(id) {
      timers.delete(id);
    },
    pendingTimers: () => timers.size,
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const t = due(target);
        if (!t) break;
        now = Math.max(now, t.at);
        if (t.every === null) timers.delete(t.id);
        else t.at += t.every;
        t.fn();
      }
      now = target;
    },
    async advanceAsync(ms, stepMs = 100) {
      let left = ms;
      while (left > 0) {
        const step = Math.min(stepMs, left);
        clock.advance(step);
        left -= step;
        // Let promise chains started by the fired timers run before the next step.
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
    },
    set(nowMs) {
      now = nowMs;
    },
  };
  return clock;
}

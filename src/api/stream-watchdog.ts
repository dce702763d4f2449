/**
 * The master writes a " " keep-alive whenever a pass finds nothing, every 0.5 s
 * (docs/kontena-api.md §4.11), so an open stream that brings no byte for a few seconds is a
 * dead connection that nobody closed (a proxy that kept the client's side open, a
 * half-dead socket): the reader must drop it and resume, not say "live" forever.
 */

/** What a stream reader needs of time. The simulator's Clock fits, so a test can share one. */
export interface StreamClock {
  /** Milliseconds; only differences matter (monotonic where possible). */
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** The page's clock, looked up at each call so that a test's fake timers apply. */
export const realStreamClock: StreamClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};

/**
 * Ten missed keep-alives. Long enough for a slow proxy or a busy page, short enough
 * that a view does not claim "live" for long over a connection that is gone.
 */
export const DEFAULT_SILENCE_MS = 5_000;
/** The second look at a silence is at least this long after the first (less for short silences). */
const MAX_CONFIRM_MS = 1_000;

interface SilenceWatchdog {
  /** Bytes arrived: a timestamp, no timer work, so it may run for every chunk. */
  touch(): void;
  /** Whether it declared the connection dead. */
  fired(): boolean;
  stop(): void;
}

interface SilenceWatchdogOptions {
  clock: StreamClock;
  /** No byte for this long means the connection is dead. */
  silenceMs: number;
  /** Called once, when it is. */
  onSilence(): void;
}

/**
 * Watches the time of the last byte, not timer ticks. A timer runs rarely (about once
 * per silence while bytes flow) and only compares times, so a late timer in a throttled
 * background tab (once a second, or once a minute) sees the bytes that came meanwhile.
 * A look that finds silence never kills at once: a page that was busy, or a tab whose
 * timer fired first after a long sleep, may have reads already waiting behind that very
 * timer. The silence is confirmed by a second look, after the event loop had its turns,
 * that finds the same last byte and at least `silenceMs` of silence.
 */
export function watchSilence(options: SilenceWatchdogOptions): SilenceWatchdog {
  const { clock, silenceMs, onSilence } = options;
  const confirmMs = Math.max(1, Math.min(MAX_CONFIRM_MS, Math.floor(silenceMs / 5)));
  let lastByteAt = clock.now();
  /** The last byte's time as a look that found silence saw it. */
  let suspected: number | null = null;
  let timer: number | null = null;
  let done = false;
  let dead = false;

  function lookAt(at: number): void {
    timer = clock.setTimeout(look, Math.max(0, at - clock.now()));
  }

  function look(): void {
    timer = null;
    if (done) return;
    const now = clock.now();
    const silent = now - lastByteAt;
    if (suspected === lastByteAt && silent >= silenceMs) {
      done = true;
      dead = true;
      onSilence();
      return;
    }
    if (silent >= silenceMs - confirmMs) {
      suspected = lastByteAt;
      lookAt(Math.max(now + confirmMs, lastByteAt + silenceMs));
      return;
    }
    suspected = null;
    lookAt(lastByteAt + silenceMs - confirmMs);
  }

  lookAt(lastByteAt + silenceMs - confirmMs);
  return {
    touch() {
      lastByteAt = clock.now();
    },
    fired: () => dead,
    stop() {
      done = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * One timer per period for the whole page, however many clocks read it: every "updated
 * 8 s ago" and the wall's clock share one interval a second, which runs only while
 * something listens (components/use-now.ts is the hook over it).
 *
 * A clock that counts to or from a moment ("hides in 9 s", "deploying for 12 s") asks to
 * tick in step with that moment, so its whole seconds change on the tick and not up to a
 * second late; clocks in step with the same moment (modulo the period) share a timer too.
 */
import { createListeners } from './listeners';
import type { Listeners } from './listeners';

interface Ticker {
  listeners: Listeners;
  stop: (() => void) | null;
}

const tickers = new Map<string, Ticker>();

const modulo = (n: number, m: number): number => ((n % m) + m) % m;

function start(everyMs: number, offset: number | null, tick: () => void): () => void {
  if (offset === null) {
    const id = setInterval(tick, everyMs);
    return () => clearInterval(id);
  }
  let interval: ReturnType<typeof setInterval> | null = null;
  const first = setTimeout(
    () => {
      interval = setInterval(tick, everyMs);
      tick();
    },
    modulo(offset - Date.now(), everyMs) || everyMs,
  );
  return () => {
    clearTimeout(first);
    if (interval !== null) clearInterval(interval);
  };
}

/**
 * Calls `listener` every `everyMs` until the returned function is called; with
 * `inStepWith` (a time, ms epoch), at that time plus or minus whole periods.
 */
export function onTick(everyMs: number, listener: () => void, inStepWith?: number): () => void {
  const offset = inStepWith === undefined ? null : modulo(inStepWith, everyMs);
  const key = offset === null ? String(everyMs) : `${everyMs}@${offset}`;
  let found = tickers.get(key);
  if (found === undefined) {
    found = { listeners: createListeners(), stop: null };
    tickers.set(key, found);
  }
  const ticker = found;
  const unsubscribe = ticker.listeners.subscribe(listener);
  ticker.stop ??= start(everyMs, offset, ticker.listeners.notify);
  return () => {
    unsubscribe();
    if (ticker.listeners.size() > 0) return;
    ticker.stop?.();
    ticker.stop = null;
    tickers.delete(key);
  };
}

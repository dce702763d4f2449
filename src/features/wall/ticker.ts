/**
 * One clock for the whole wall: the header's time and every tile's "updated 8 s ago"
 * read it, so a second passing re-renders those few text nodes and nothing else, with a
 * single interval however many tiles there are. It runs only while something listens.
 */
import { useSyncExternalStore } from 'react';

export interface Ticker {
  subscribe(listener: () => void): () => void;
  now(): number;
}

export function createTicker(everyMs: number): Ticker {
  const listeners = new Set<() => void>();
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          for (const fn of [...listeners]) fn();
        }, everyMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    now: () => now,
  };
}

/** The shared wall clock (one per page; it stops when the wall is left). */
export const wallTicker = createTicker(1_000);

export function useTickerNow(ticker: Ticker = wallTicker): number {
  return useSyncExternalStore(ticker.subscribe, ticker.now, ticker.now);
}

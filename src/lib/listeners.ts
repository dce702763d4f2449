/**
 * The subscribe/notify half of every small store outside React (toasts, the theme, the
 * session, a live series, a shared clock): what `useSyncExternalStore` subscribes to.
 * Listeners are told in the order they came, over a copy of the set, so one may
 * unsubscribe itself or another, or subscribe a new one, while being told.
 */
export interface Listeners<Args extends unknown[] = []> {
  /** Adds a listener; the returned function removes it. A plain function: pass it as is. */
  readonly subscribe: (listener: (...args: Args) => void) => () => void;
  /** Tells every listener subscribed now. */
  readonly notify: (...args: Args) => void;
  /** How many are listening (a timer can stop when nobody is). */
  readonly size: () => number;
  /** Forgets every listener. */
  readonly clear: () => void;
}

export function createListeners<Args extends unknown[] = []>(): Listeners<Args> {
  const listeners = new Set<(...args: Args) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify(...args) {
      for (const listener of [...listeners]) listener(...args);
    },
    size: () => listeners.size,
    clear() {
      listeners.clear();
    },
  };
}

/**
 * The log view's status line: the one snapshot React sees of the log engine (connection,
 * counts, container names, search results), never the lines. A change of connection or
 * of what the user did publishes at once; counts, which change with every batch, at a
 * calm pace (at most every `notifyEveryMs`).
 */
import type { SearchResults } from '../../components/terminal-host';

export type ConnectionStatus = 'idle' | 'loading' | 'connecting' | 'live' | 'reconnecting' | 'paused' | 'error';

export interface LogStatus {
  connection: ConnectionStatus;
  /** Why the stream stopped (connection "error"), or why it is reconnecting when it was cut, refused or silent. */
  error: string | null;
  /** Lines held (at most the scrollback, plus those waiting a moment to be put in time order). */
  held: number;
  /** New lines written while the user was scrolled up. */
  newBelow: number;
  atBottom: boolean;
  /** Container names seen in the stream, sorted. */
  names: readonly string[];
  /** Lines skipped on the way to the terminal because more arrived than it keeps. */
  skipped: number;
  search: SearchResults | null;
}

/** The status as its parts hold it now: the names as a set (sorted only when one was added). */
export type LogStatusParts = Omit<LogStatus, 'names'> & { names: ReadonlySet<string> };

interface LogStatusLine {
  /** Publishes now, when anything changed. */
  publish(): void;
  /** Publishes within `notifyEveryMs` (counts change all the time). */
  publishSoon(): void;
  /** Forgets the names without publishing (a new session: the next publish says the rest). */
  forgetNames(): void;
  subscribe(fn: () => void): () => void;
  get(): LogStatus;
  /** Drops a pending publish. */
  dispose(): void;
}

export function createLogStatusLine(read: () => LogStatusParts, notifyEveryMs: number): LogStatusLine {
  let status: LogStatus = { connection: 'idle', error: null, held: 0, newBelow: 0, atBottom: true, names: [], skipped: 0, search: null };
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function publish(): void {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const parts = read();
    const next: LogStatus = { ...parts, names: status.names };
    if (parts.names.size !== status.names.length)
      next.names = [...parts.names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const changed = (Object.keys(next) as (keyof LogStatus)[]).some((k) => next[k] !== status[k]);
    if (!changed) return;
    status = next;
    for (const fn of [...listeners]) fn();
  }

  return {
    publish,
    publishSoon() {
      if (timer !== null) return;
      timer = setTimeout(publish, notifyEveryMs);
    },
    forgetNames() {
      status = { ...status, names: [] };
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    get: () => status,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

import type { ApiError } from './errors';
import type { BackoffOptions, StreamState } from './stream';
import type { StreamClock } from './stream-watchdog';

/** What a follow call reports to its consumer. */
export interface StreamHandlers<T> {
  /** New items, in order, never repeated. Called outside React: write them to their sink directly. */
  onItems(items: T[]): void;
  onState?(state: StreamState, error?: ApiError): void;
}

export interface FollowOptions {
  /** Aborting stops the stream; the returned promise then resolves. */
  signal: AbortSignal;
  backoffMs?: BackoffOptions;
  /**
   * Applied to every opened response (the first one and each reconnect) before its body
   * is read, e.g. lib/paced-body.ts's `pacedResponse`, so a burst yields to the page.
   * Cancelling the returned body must cancel the original one.
   */
  wrapResponse?(response: Response): Response;
  /**
   * An open stream with no byte (not even the master's 0.5 s keep-alive) for this long is
   * dropped and resumed. Default: configureStreams()'s, 5 s.
   */
  silenceMs?: number;
  /** Time for the watchdog, the backoff and the grace of a planned end. Default: configureStreams()'s, the page's. */
  clock?: StreamClock;
}

import type { ApiError } from './errors';
import type { BackoffOptions, StreamState } from './stream';

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
}

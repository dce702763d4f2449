/**
 * How the wall polls: at the refresh interval while answers come, and with backoff while
 * they do not, in a background tab too (a wall is often a tab nobody looks at, or a
 * kiosk the browser thinks is hidden). Queries do not retry on their own: one request
 * per attempt, and the attempts space out the longer the data has been missing, so a
 * blip heals within seconds and a long outage costs the master one request a minute.
 */
const MIN_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;

interface PollState {
  status: 'pending' | 'error' | 'success';
  /** ms epoch of the last successful answer, 0 = never. */
  dataUpdatedAt: number;
  /** How many answers failed in all (TanStack's errorUpdateCount). */
  errorUpdateCount: number;
}

/** The delay before the next attempt. */
export function nextPollMs(refreshMs: number, state: PollState, nowMs: number): number {
  if (state.status !== 'error') return refreshMs;
  const floor = Math.min(refreshMs, MIN_RETRY_MS);
  if (state.dataUpdatedAt <= 0) {
    // Never answered: double from the floor with each failure.
    return Math.min(MAX_RETRY_MS, floor * 2 ** Math.max(0, state.errorUpdateCount - 1));
  }
  // A third of how long the data has been missing: 2 s, 2 s, 3 s, 5 s, … one minute.
  const missingFor = Math.max(0, nowMs - state.dataUpdatedAt);
  return Math.min(MAX_RETRY_MS, Math.max(floor, Math.round(missingFor / 3)));
}

/** Query options every wall poll uses. */
export function wallPolling(refreshMs: number) {
  return {
    refetchInterval: (query: { state: PollState }) => nextPollMs(refreshMs, query.state, Date.now()),
    refetchIntervalInBackground: true,
    // The wall's own backoff replaces TanStack's retries (one request per attempt).
    retry: false,
    // Always try: a kiosk's idea of "offline" must not silence the wall's outage banner.
    networkMode: 'always' as const,
  };
}

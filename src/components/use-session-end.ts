import { useSyncExternalStore } from 'react';
import { getSessionEnd, subscribeSessionEnd, watchSessionEnds } from '../api/session-end';
import type { SessionEnd } from '../api/session-end';

/**
 * Why this tab was signed out (expired, revoked, the master restarted, or in another
 * tab), or null; re-renders when that changes. The first call starts the watch
 * (api/session-end), before any signed-in page can send a request.
 */
export function useSessionEnd(): SessionEnd | null {
  watchSessionEnds();
  return useSyncExternalStore(subscribeSessionEnd, getSessionEnd, getSessionEnd);
}

import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../api/session';
import type { Session } from '../api/session';

/** The signed-in session (null when signed out); re-renders when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../api/session';
import type { Session } from '../api/session';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

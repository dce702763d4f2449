import { useSyncExternalStore } from 'react';
import { connectionState, subscribeConnection } from '../api/client';
import type { ConnectionState } from '../api/client';

/** online/offline as the api client last saw the master. */
export function useConnection(): ConnectionState {
  return useSyncExternalStore(subscribeConnection, connectionState, connectionState);
}

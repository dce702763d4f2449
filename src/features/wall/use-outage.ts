import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { connectionState, subscribeConnection } from '../../api/client';

/**
 * Since when the master has been unreachable (ms epoch), or null while it answers. The
 * api client flips its connection state on the first failed request and back on the
 * first answer; the wall remembers when it flipped, for "connection lost since 14:02".
 */
let lostSince: number | null = null;

function snapshot(): number | null {
  if (connectionState() === 'online') lostSince = null;
  else lostSince ??= Date.now();
  return lostSince;
}

function subscribe(listener: () => void): () => void {
  return subscribeConnection(() => listener());
}

export function useConnectionLostSince(): number | null {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** When the master answers again, everything on the wall is fetched at once instead of at each query's next backoff. */
export function useRefetchOnReconnect(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeConnection((state) => {
        if (state === 'online') void queryClient.refetchQueries({ type: 'active' }, { cancelRefetch: false });
      }),
    [queryClient],
  );
}

import { useEffect, useState } from 'react';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Banner } from '../../components/banner';
import { Button } from '../../components/button';
import { useNow } from '../../components/use-now';
import { useConnection } from '../use-connection';

/** Delay before the n-th automatic reconnect attempt: 2 s, 4 s, 8 s … at most 30 s. */
function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** attempt);
}

/**
 * While the master is unreachable: says so, keeps retrying every active query with
 * backoff, and offers "Retry now". Pages keep their last data and mark it stale.
 */
export function OfflineBanner() {
  const offline = useConnection() === 'offline';
  return offline ? <OfflineNotice /> : null;
}

function OfflineNotice() {
  const queryClient = useQueryClient();
  const fetching = useIsFetching() > 0;
  const [attempt, setAttempt] = useState(0);
  const [nextAt, setNextAt] = useState(() => Date.now() + reconnectDelayMs(0));
  const now = useNow(1_000, true, Date.now, nextAt);

  useEffect(() => {
    const delay = Math.max(0, nextAt - Date.now());
    const timer = setTimeout(() => {
      void queryClient.refetchQueries({ type: 'active' });
      setAttempt((n) => n + 1);
      setNextAt(Date.now() + reconnectDelayMs(attempt + 1));
    }, delay);
    return () => clearTimeout(timer);
  }, [attempt, nextAt, queryClient]);

  const seconds = Math.max(0, Math.ceil((nextAt - now) / 1_000));
  return (
    <Banner
      tone="warn"
      // Not a live region: the connection indicator announces the change; a ticking countdown would chatter.
      role="region"
      aria-label="Connection problem"
      title="Cannot reach the Kontena Master"
      actions={
        <Button
          size="sm"
          onClick={() => {
            void queryClient.refetchQueries({ type: 'active' });
            setAttempt(0);
            setNextAt(Date.now() + reconnectDelayMs(0));
          }}
        >
          Retry now
        </Button>
      }
    >
      The last data received stays on screen, marked stale. {fetching ? 'Trying to reconnect…' : `Next attempt in ${seconds} s.`}
    </Banner>
  );
}

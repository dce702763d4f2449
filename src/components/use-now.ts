import { useEffect, useState } from 'react';
import { onTick } from '../lib/ticker';

/**
 * The current time, re-read every `everyMs` while `active`; for "N s ago", elapsed times,
 * countdowns and the wall's clock. Read afresh when the component mounts, then on the
 * page's one shared timer of that period (lib/ticker.ts), so a hundred wall tiles cost one
 * interval. `read` is the clock (the api client's clientNow where the master's time
 * matters). A clock counting to or from a moment passes it as `inStepWith`, so its
 * seconds change on time rather than up to a period late.
 */
export function useNow(everyMs: number, active = true, read: () => number = Date.now, inStepWith?: number): number {
  const [now, setNow] = useState(read);
  useEffect(() => {
    if (!active) return;
    return onTick(everyMs, () => setNow(read()), inStepWith);
  }, [everyMs, active, read, inStepWith]);
  return now;
}

import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `everyMs` while `active`; for "N s ago" and elapsed
 * times. `read` is the clock (the api client's clientNow where the master's time matters).
 */
export function useNow(everyMs: number, active = true, read: () => number = Date.now): number {
  const [now, setNow] = useState(read);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(read()), everyMs);
    return () => clearInterval(id);
  }, [everyMs, active, read]);
  return now;
}

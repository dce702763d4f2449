/**
 * Who polls a service's containers on the service page. The page's layout polls them (its
 * header reads them); a tab that wants them at another pace (the monitor's chosen
 * interval, or paused) or in full (the overview's instance table shows IPs and host
 * names, not in the summaries the live views read) asks the layout here instead of
 * polling a query itself: two observers with timers of their own would each fetch the
 * answer, and at 2,000 instances that answer is 3 MB.
 */
import { createContext, useContext, useEffect } from 'react';

/** Milliseconds between polls, or false for none. */
export type ContainersPace = number | false;

/** What the shown tab asks of the layout's containers poll. */
export interface ContainersPollWish {
  /** Default: the layout's own pace. */
  pace?: ContainersPace;
  /** Poll the full containers (containersQuery) instead of their summaries. */
  full?: boolean;
}

/** The layout's setter; null where no layout owns the poll. */
export const ContainersPollContext = createContext<((wish: ContainersPollWish | null) => void) | null>(null);

/**
 * Asks the owning layout to poll the containers at `pace` (undefined: its own) and in
 * full or not while the caller is mounted. Returns false where no layout owns the poll:
 * the caller then polls by itself.
 */
export function useContainersPoll(pace: ContainersPace | undefined, full = false): boolean {
  const setWish = useContext(ContainersPollContext);
  useEffect(() => {
    if (setWish === null) return undefined;
    setWish({ pace, full });
    return () => setWish(null);
  }, [setWish, pace, full]);
  return setWish !== null;
}

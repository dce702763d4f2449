/**
 * Who polls a service's containers on the service page. The page's layout polls them (its
 * header reads them); a tab that wants them at another pace (the monitor's chosen
 * interval, or paused) asks the layout here instead of polling the same query itself:
 * two observers with timers of their own would each fetch the answer, and at 2,000
 * instances that answer is 3 MB to parse on the main thread.
 */
import { createContext, useContext, useEffect } from 'react';

/** Milliseconds between polls, or false for none. */
export type ContainersPoll = number | false;

/** The layout's setter; null where no layout owns the poll. */
export const ContainersPollContext = createContext<((pace: ContainersPoll | null) => void) | null>(null);

/**
 * Asks the owning layout to poll the containers at `pace` while the caller is mounted.
 * Returns false where no layout owns the poll: the caller then polls by itself.
 */
export function useContainersPollPace(pace: ContainersPoll): boolean {
  const setPace = useContext(ContainersPollContext);
  useEffect(() => {
    if (setPace === null) return undefined;
    setPace(pace);
    return () => setPace(null);
  }, [setPace, pace]);
  return setPace !== null;
}

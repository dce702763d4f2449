/**
 * A place a page reserves for the progress of a deploy (a service page's header), so the
 * panel never changes the height of what is around it: the page renders the place, the
 * lifecycle actions (another feature) put the panel into it through a portal.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * undefined: no page reserved a place (the panel shows where it is rendered); null: the
 * page's place is not in the document yet (nothing shows, rather than jump); else the place.
 */
export const DeploySlotContext = createContext<HTMLElement | null | undefined>(undefined);

/** Its children in the place the page reserved for a deploy's progress, or in place where there is none. */
export function InDeploySlot({ children }: { children: ReactNode }) {
  const slot = useContext(DeploySlotContext);
  if (slot === undefined) return children;
  if (slot === null) return null;
  return createPortal(children, slot);
}

/** How often the nodes pages read the master again: a node going offline shows within one poll. */
export const NODES_POLL_MS = 10_000;
/** The grid's containers (all of them) are a bigger answer; the node page reads them less often. */
export const CONTAINERS_POLL_MS = 15_000;
/** "Not reporting for 3 min" and "last seen" move with this clock. */
export const CLOCK_TICK_MS = 15_000;

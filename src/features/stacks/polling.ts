/** How often the stacks pages read the master again: a stack's state moves with its services. */
export const STACKS_POLL_MS = 5_000;

/**
 * The stack deploy each stack page follows, per tab: its progress goes on showing after
 * the user leaves the stack's page and comes back (the deploy itself is in the api cache,
 * stackDeployQuery; this remembers only which one to look at).
 *
 * Kept per QueryClient, the tab's one cache: a new client (a test's fresh app, a sign-in
 * as another user) starts with nothing followed.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { createListeners } from '../../lib/listeners';

export interface FollowedStackDeploy {
  deployId: string;
  /** When it was sent (this browser's clock), for the elapsed time. */
  sentAt: number;
}

const followedByClient = new WeakMap<QueryClient, Map<string, FollowedStackDeploy>>();
const listeners = createListeners();

const keyOf = (grid: string, stack: string): string => JSON.stringify([grid, stack]);

function followedOf(client: QueryClient): Map<string, FollowedStackDeploy> {
  let map = followedByClient.get(client);
  if (map === undefined) {
    map = new Map();
    followedByClient.set(client, map);
  }
  return map;
}

function setFollowed(client: QueryClient, grid: string, stack: string, value: FollowedStackDeploy | null): void {
  const map = followedOf(client);
  if (value === null) map.delete(keyOf(grid, stack));
  else map.set(keyOf(grid, stack), value);
  listeners.notify();
}

/** The stack deploy followed for `stack`, and how to follow another or stop. */
export function useFollowedStackDeploy(grid: string, stack: string) {
  const client = useQueryClient();
  const followed = useSyncExternalStore(listeners.subscribe, () => followedOf(client).get(keyOf(grid, stack)) ?? null);
  const follow = useCallback(
    (deployId: string) => setFollowed(client, grid, stack, { deployId, sentAt: Date.now() }),
    [client, grid, stack],
  );
  const forget = useCallback(() => setFollowed(client, grid, stack, null), [client, grid, stack]);
  return { followed, follow, forget };
}

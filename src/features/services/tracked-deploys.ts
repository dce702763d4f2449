/**
 * The deploys and scales started from this browser, so the list's rows, the list's
 * tray and a service's header can all follow them: the master has no "deploys of a
 * service" list (kontena-api.md §4.5), so what we started is all we know of. One entry
 * per service (the latest), at most MAX_TRACKED, finished ones dropped first.
 */
import { useSyncExternalStore } from 'react';
import type { ServiceRef } from '../../api/service-ref';

export interface TrackedDeploy {
  serviceId: string;
  ref: ServiceRef;
  deployId: string;
  /** "Deploy", "Force deploy", "Scale to 3". */
  title: string;
  /** This browser's clock when the action was sent. */
  sentAt: number;
  /** Its outcome has been told (toast) and the lists refreshed. */
  finished: boolean;
  /** Hidden from the panels by the user. */
  dismissed: boolean;
}

const MAX_TRACKED = 50;

let tracked: readonly TrackedDeploy[] = [];
const listeners = new Set<() => void>();

function set(next: readonly TrackedDeploy[]): void {
  tracked = next;
  for (const fn of [...listeners]) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

export function trackDeploy(entry: Omit<TrackedDeploy, 'finished' | 'dismissed'>): void {
  let next = [...tracked.filter((t) => t.serviceId !== entry.serviceId), { ...entry, finished: false, dismissed: false }];
  while (next.length > MAX_TRACKED) {
    const oldestFinished = next.findIndex((t) => t.finished);
    next = next.filter((_, i) => i !== (oldestFinished >= 0 ? oldestFinished : 0));
  }
  set(next);
}

function update(deployId: string, patch: Partial<Pick<TrackedDeploy, 'finished' | 'dismissed'>>): void {
  if (!tracked.some((t) => t.deployId === deployId)) return;
  set(tracked.map((t) => (t.deployId === deployId ? { ...t, ...patch } : t)));
}

export function markDeployFinished(deployId: string): void {
  update(deployId, { finished: true });
}

export function dismissDeploy(deployId: string): void {
  update(deployId, { dismissed: true });
}

/** A removed service's deploys are gone with it. */
export function forgetServiceDeploys(serviceId: string): void {
  if (tracked.some((t) => t.serviceId === serviceId)) set(tracked.filter((t) => t.serviceId !== serviceId));
}

export function isDeployTracked(deployId: string): boolean {
  return tracked.some((t) => t.deployId === deployId && !t.finished);
}

/** Tests start from a clean slate. */
export function clearTrackedDeploys(): void {
  set([]);
}

const get = () => tracked;

export function useTrackedDeploys(): readonly TrackedDeploy[] {
  return useSyncExternalStore(subscribe, get, get);
}

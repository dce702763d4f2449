/**
 * The deploys and scales started from this browser, so the list's rows, the list's
 * tray and a service's header can all follow them: the master has no "deploys of a
 * service" list (kontena-api.md §4.5), so what we started is all we know of. One entry
 * per service (the latest), at most MAX_TRACKED, finished ones dropped first.
 *
 * A deploy that finished well leaves the panels by itself HIDE_FINISHED_AFTER_MS later
 * (held while the pointer or the focus is on its panel, or its details are open); one
 * that failed, or whose record the master dropped, stays until dismissed: an operator
 * has to see that.
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
  /** Hidden from the panels (by the user, or by itself a while after a good finish). */
  dismissed: boolean;
  /** How it ended; null while it runs. */
  outcome: DeployOutcome | null;
  /** When it leaves the panels by itself (this browser's clock); null while it runs, while held, or when it stays. */
  hidesAt: number | null;
  /** Part of a bulk action: a good finish is told by the tray's counts, not by a toast of its own. */
  quiet: boolean;
}

/** success: finished well; error: the master says it failed; gone: the master deleted the record. */
export type DeployOutcome = 'success' | 'error' | 'gone';

/** How long a deploy that finished well stays on screen (folded to one line) before it goes. */
export const HIDE_FINISHED_AFTER_MS = 12_000;

const MAX_TRACKED = 50;

let tracked: readonly TrackedDeploy[] = [];
const listeners = new Set<() => void>();
/** The pending "goes by itself" of each finished deploy. */
const hideTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Deploys whose panel is being looked at (pointer, focus, details open). */
const held = new Set<string>();

function cancelHide(deployId: string): void {
  const timer = hideTimers.get(deployId);
  if (timer !== undefined) clearTimeout(timer);
  hideTimers.delete(deployId);
}

function set(next: readonly TrackedDeploy[]): void {
  tracked = next;
  // Entries that left the list take their timer and their hold with them.
  for (const id of [...hideTimers.keys()]) if (!next.some((t) => t.deployId === id && !t.dismissed)) cancelHide(id);
  for (const id of [...held]) if (!next.some((t) => t.deployId === id)) held.delete(id);
  for (const fn of [...listeners]) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** Services a bulk action is deploying right now (see followQuietly). */
const quietServices = new Set<string>();

/**
 * The deploys started for these services until the returned function is called are part
 * of one bulk action: the tray sums them up, so their good finishes make no toast each.
 */
export function followQuietly(serviceIds: readonly string[]): () => void {
  for (const id of serviceIds) quietServices.add(id);
  return () => {
    for (const id of serviceIds) quietServices.delete(id);
  };
}

export function trackDeploy(entry: Omit<TrackedDeploy, 'finished' | 'dismissed' | 'outcome' | 'hidesAt' | 'quiet'>): void {
  const fresh: TrackedDeploy = { ...entry, finished: false, dismissed: false, outcome: null, hidesAt: null, quiet: quietServices.has(entry.serviceId) };
  let next = [...tracked.filter((t) => t.serviceId !== entry.serviceId), fresh];
  while (next.length > MAX_TRACKED) {
    const oldestFinished = next.findIndex((t) => t.finished);
    next = next.filter((_, i) => i !== (oldestFinished >= 0 ? oldestFinished : 0));
  }
  set(next);
}

function update(deployId: string, patch: Partial<Pick<TrackedDeploy, 'finished' | 'dismissed' | 'outcome' | 'hidesAt'>>): void {
  if (!tracked.some((t) => t.deployId === deployId)) return;
  set(tracked.map((t) => (t.deployId === deployId ? { ...t, ...patch } : t)));
}

/** Starts the countdown of a deploy that finished well: it goes HIDE_FINISHED_AFTER_MS from now. */
function hideLater(deployId: string): void {
  cancelHide(deployId);
  hideTimers.set(
    deployId,
    setTimeout(() => {
      hideTimers.delete(deployId);
      dismissDeploy(deployId);
    }, HIDE_FINISHED_AFTER_MS),
  );
  update(deployId, { hidesAt: Date.now() + HIDE_FINISHED_AFTER_MS });
}

export function markDeployFinished(deployId: string, outcome: DeployOutcome = 'success'): void {
  update(deployId, { finished: true, outcome });
  if (outcome === 'success' && !held.has(deployId)) hideLater(deployId);
}

export function dismissDeploy(deployId: string): void {
  cancelHide(deployId);
  held.delete(deployId);
  update(deployId, { dismissed: true, hidesAt: null });
}

/**
 * Someone is looking at the deploy's panel (pointer or focus on it, details open), or no
 * longer: a finished deploy does not go while held, and gets its full time again after.
 */
export function holdDeploy(deployId: string, hold: boolean): void {
  if (hold === held.has(deployId)) return;
  const entry = tracked.find((t) => t.deployId === deployId);
  if (hold) {
    held.add(deployId);
    cancelHide(deployId);
    if (entry?.hidesAt != null) update(deployId, { hidesAt: null });
    return;
  }
  held.delete(deployId);
  if (entry !== undefined && entry.outcome === 'success' && !entry.dismissed) hideLater(deployId);
}

/** Every finished deploy leaves the panels (the tray's "Dismiss finished"). */
export function dismissFinishedDeploys(ids: readonly string[]): void {
  const gone = new Set(ids);
  for (const id of gone) {
    cancelHide(id);
    held.delete(id);
  }
  if (!tracked.some((t) => gone.has(t.deployId) && t.finished && !t.dismissed)) return;
  set(tracked.map((t) => (gone.has(t.deployId) && t.finished ? { ...t, dismissed: true, hidesAt: null } : t)));
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
  for (const id of [...hideTimers.keys()]) cancelHide(id);
  held.clear();
  quietServices.clear();
  set([]);
}

const get = () => tracked;

export function useTrackedDeploys(): readonly TrackedDeploy[] {
  return useSyncExternalStore(subscribe, get, get);
}

/**
 * The deploys the services views show as panels (the list's tray and rows, a service's
 * header): every deploy in flight (components/use-deploys-in-flight, whichever page
 * started it), and whether its panel is still shown.
 *
 * A deploy that finished well leaves the panels by itself HIDE_FINISHED_AFTER_MS after
 * its finish was seen (held while the pointer or the focus is on its panel, or its details
 * are open); one that failed, or whose record the master dropped, stays until dismissed:
 * an operator has to see that. Dismissing hides a panel only: the deploy is still followed.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { DeployOutcome } from '../../api/deploys-in-flight';
import { useDeploysInFlight } from '../../components/use-deploys-in-flight';
import type { DeployInFlight } from '../../components/use-deploys-in-flight';
import { createListeners } from '../../lib/listeners';

export interface DeployPanelEntry extends DeployInFlight {
  /** Its outcome is known (outcome !== null). */
  finished: boolean;
  /** Hidden from the panels (by the user, or by itself a while after a good finish). */
  dismissed: boolean;
  /** When it leaves the panels by itself (this browser's clock); null while it runs, while held, or when it stays. */
  hidesAt: number | null;
}

/** How long a deploy that finished well stays on screen (folded to one line) before it goes. */
export const HIDE_FINISHED_AFTER_MS = 12_000;

/** Finishes remembered at most; the oldest not on a countdown or held go first. */
const MAX_REMEMBERED = 200;

interface Marks {
  /** The panels hidden. */
  dismissed: ReadonlySet<string>;
  /** When each finished-well panel goes by itself. */
  hidesAt: ReadonlyMap<string, number>;
}

let marks: Marks = { dismissed: new Set(), hidesAt: new Map() };
const listeners = createListeners();
/** The outcome of each deploy whose finish was seen, oldest first. */
const finishes = new Map<string, DeployOutcome>();
/** The pending "goes by itself" of each finished deploy. */
const hideTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Deploys whose panel is being looked at (pointer, focus, details open). */
const held = new Set<string>();

function setMarks(patch: { dismiss?: string; hidesAt?: [string, number | null] }): void {
  const dismissed = new Set(marks.dismissed);
  const hidesAt = new Map(marks.hidesAt);
  if (patch.dismiss !== undefined) {
    dismissed.add(patch.dismiss);
    hidesAt.delete(patch.dismiss);
  }
  if (patch.hidesAt !== undefined) {
    const [id, at] = patch.hidesAt;
    if (at === null) hidesAt.delete(id);
    else hidesAt.set(id, at);
  }
  marks = { dismissed, hidesAt };
  listeners.notify();
}

function cancelHide(deployId: string): void {
  const timer = hideTimers.get(deployId);
  if (timer !== undefined) clearTimeout(timer);
  hideTimers.delete(deployId);
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
  setMarks({ hidesAt: [deployId, Date.now() + HIDE_FINISHED_AFTER_MS] });
}

/** Drops what is remembered of the oldest finishes beyond MAX_REMEMBERED. */
function forgetOldFinishes(): void {
  for (const id of finishes.keys()) {
    if (finishes.size <= MAX_REMEMBERED) return;
    if (hideTimers.has(id) || held.has(id)) continue;
    finishes.delete(id);
    if (marks.dismissed.has(id) || marks.hidesAt.has(id)) {
      const dismissed = new Set(marks.dismissed);
      dismissed.delete(id);
      const hidesAt = new Map(marks.hidesAt);
      hidesAt.delete(id);
      marks = { dismissed, hidesAt };
    }
  }
}

/** A deploy's finish was seen: a good one starts its countdown (unless its panel is looked at). */
function noteFinished(deployId: string, outcome: DeployOutcome): void {
  if (finishes.has(deployId)) return;
  finishes.set(deployId, outcome);
  forgetOldFinishes();
  if (outcome === 'success' && !held.has(deployId)) hideLater(deployId);
}

export function dismissDeploy(deployId: string): void {
  cancelHide(deployId);
  held.delete(deployId);
  if (!marks.dismissed.has(deployId) || marks.hidesAt.has(deployId)) setMarks({ dismiss: deployId });
}

/**
 * Someone is looking at the deploy's panel (pointer or focus on it, details open), or no
 * longer: a finished deploy does not go while held, and gets its full time again after.
 */
export function holdDeploy(deployId: string, hold: boolean): void {
  if (hold === held.has(deployId)) return;
  if (hold) {
    held.add(deployId);
    cancelHide(deployId);
    if (marks.hidesAt.has(deployId)) setMarks({ hidesAt: [deployId, null] });
    return;
  }
  held.delete(deployId);
  if (finishes.get(deployId) === 'success' && !marks.dismissed.has(deployId)) hideLater(deployId);
}

/** Every finished deploy among these leaves the panels (the tray's "Dismiss finished"). */
export function dismissFinishedDeploys(ids: readonly string[]): void {
  for (const id of ids) if (finishes.has(id)) dismissDeploy(id);
}

/** Tests start from a clean slate. */
export function clearDeployPanels(): void {
  for (const id of [...hideTimers.keys()]) cancelHide(id);
  held.clear();
  finishes.clear();
  marks = { dismissed: new Set(), hidesAt: new Map() };
  listeners.notify();
}

const getMarks = () => marks;

/** Every deploy in flight as the services views show it, oldest first. */
export function useDeployPanels(): readonly DeployPanelEntry[] {
  const inFlight = useDeploysInFlight();
  const { dismissed, hidesAt } = useSyncExternalStore(listeners.subscribe, getMarks, getMarks);
  useEffect(() => {
    for (const entry of inFlight) if (entry.outcome !== null) noteFinished(entry.deployId, entry.outcome);
  }, [inFlight]);
  return useMemo(
    () => inFlight.map((entry) => panelEntry(entry, dismissed.has(entry.deployId), hidesAt.get(entry.deployId) ?? null)),
    [inFlight, dismissed, hidesAt],
  );
}

interface GridDeployPanels {
  /** The latest deploy of each service of the grid (dismissed or not), by service id: the rows show it while it runs. */
  byService: ReadonlyMap<string, DeployPanelEntry>;
  /** The grid's deploys still shown in the list's tray. */
  tray: readonly DeployPanelEntry[];
}

/** The deploys in flight of one grid, as the services list shows them. */
export function useGridDeployPanels(grid: string): GridDeployPanels {
  const all = useDeployPanels();
  return useMemo(() => {
    const here = all.filter((t) => t.ref.grid === grid);
    return { byService: new Map(here.map((t) => [t.serviceId, t])), tray: here.filter((t) => !t.dismissed) };
  }, [all, grid]);
}

/** Entries by deploy in flight: an unchanged deploy keeps its entry, so its row of the list is left alone. */
const entryCache = new WeakMap<DeployInFlight, DeployPanelEntry>();

function panelEntry(inFlight: DeployInFlight, dismissed: boolean, hidesAt: number | null): DeployPanelEntry {
  const cached = entryCache.get(inFlight);
  if (cached !== undefined && cached.dismissed === dismissed && cached.hidesAt === hidesAt) return cached;
  const entry = { ...inFlight, finished: inFlight.outcome !== null, dismissed, hidesAt };
  entryCache.set(inFlight, entry);
  return entry;
}

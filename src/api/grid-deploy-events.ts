/**
 * Which services of a grid are deploying, and which failed their last deploy, as the
 * grid's event log tells it: the deploys started elsewhere (the CLI, another browser)
 * that api/deploys-in-flight cannot know of. The master has no list of deploys
 * (docs/kontena-api.md §4.5) and ServiceJson does not say, but every deploy writes master
 * events to the grid's event log (§4.12):
 *   "service G/S/N deploy started" · "service G/S/N deployed" · "deploy of G/S/N errored: <reason>"
 * The log is read incrementally (each read asks only for what came after the last event
 * seen) into one small record per service, with a hard bound on their number. The wall
 * reads it (gridDeployEventsQuery), with the deploys in flight of this browser on top
 * (withDeploysInFlight).
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { eventCursor, eventIdentity, resumeSince } from './events';
import { getGridEventLogs } from './grid-events';
import { queryKeys } from './queries';
import type { EventLog } from './schemas/event';

export interface DeployStatus {
  inProgress: boolean;
  /** The last finished deploy failed (none succeeded since). */
  failed: { reason: string; atMs: number } | null;
}

interface Entry {
  startedAtMs: number | null;
  failed: { reason: string; atMs: number } | null;
}

/** The master treats a deploy as active for 30 minutes at most (§4.4 scheduler note). */
export const DEPLOY_ACTIVE_MS = 30 * 60_000;
/** First read of a grid's log: enough history to see the latest deploy of each service. */
export const INITIAL_EVENT_LIMIT = 500;
/** Later reads ask for everything since the last event, up to the master's maximum. */
const RESUME_EVENT_LIMIT = 10_000;
/**
 * Records kept per grid: services removed from the grid age out of the map behind the
 * ones that deploy, so the map never grows past this however long the wall runs.
 */
const MAX_TRACKED_SERVICES = 5_000;

const STARTED = / deploy started$/;
const DEPLOYED = / deployed$/;
const ERRORED = /^deploy of \S+ errored: ?(.*)$/s;

export interface DeployTracker {
  /** Feeds events (oldest first), as one read of the log returned them. */
  apply(events: readonly EventLog[]): void;
  /** The query for the next read: limit and (after the first read) since. */
  nextQuery(): { limit: number; since?: string };
  /** Services with something to say; a new object only when something changed. */
  statuses(nowMs: number): Readonly<Record<string, DeployStatus>>;
  size(): number;
}

function serviceOf(event: EventLog): string | null {
  for (const r of event.relationships) if (r.type === 'service') return r.id;
  return null;
}

export function createDeployTracker(maxServices = MAX_TRACKED_SERVICES): DeployTracker {
  const entries = new Map<string, Entry>();
  let cursor: string | null = null;
  // Events sharing the cursor's millisecond that were already applied: the next read
  // starts 1 ms before the cursor (since is strictly-after) and skips these.
  let atCursor = new Set<string>();
  let last: Record<string, DeployStatus> = {};
  let lastKey = '';

  const touch = (id: string): Entry => {
    const entry = entries.get(id) ?? { startedAtMs: null, failed: null };
    // Re-insert so the map's order is least recently changed first: the bound drops those.
    entries.delete(id);
    entries.set(id, entry);
    while (entries.size > maxServices) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
    return entry;
  };

  return {
    apply(events) {
      for (const event of events) {
        const at = eventCursor(event);
        const identity = eventIdentity(event);
        if (cursor !== null && at < cursor) continue;
        if (at === cursor) {
          if (atCursor.has(identity)) continue;
        } else {
          cursor = at;
          atCursor = new Set();
        }
        atCursor.add(identity);

        const id = serviceOf(event);
        if (id === null) continue;
        const atMs = Date.parse(at);
        if (STARTED.test(event.message)) {
          touch(id).startedAtMs = atMs;
        } else if (DEPLOYED.test(event.message)) {
          const entry = touch(id);
          entry.startedAtMs = null;
          entry.failed = null;
        } else {
          const errored = ERRORED.exec(event.message);
          if (errored) {
            const entry = touch(id);
            entry.startedAtMs = null;
            entry.failed = { reason: (errored[1] ?? '').trim(), atMs };
          }
        }
      }
    },
    nextQuery() {
      return cursor === null ? { limit: INITIAL_EVENT_LIMIT } : { limit: RESUME_EVENT_LIMIT, since: resumeSince(cursor) };
    },
    statuses(nowMs) {
      const next: Record<string, DeployStatus> = {};
      const keyParts: string[] = [];
      for (const [id, entry] of entries) {
        const inProgress = entry.startedAtMs !== null && nowMs - entry.startedAtMs < DEPLOY_ACTIVE_MS;
        if (!inProgress && entry.failed === null) continue;
        next[id] = { inProgress, failed: entry.failed };
        keyParts.push(`${id}\u0000${inProgress ? 1 : 0}\u0000${entry.failed?.atMs ?? ''}`);
      }
      const key = keyParts.sort().join('\u0001');
      if (key !== lastKey) {
        last = next;
        lastKey = key;
      }
      return last;
    },
    size: () => entries.size,
  };
}

/** One tracker per grid and client: the log is read on from where the last read ended. */
const trackers = new WeakMap<QueryClient, Map<string, DeployTracker>>();

function trackerFor(client: QueryClient, grid: string): DeployTracker {
  let byGrid = trackers.get(client);
  if (byGrid === undefined) {
    byGrid = new Map();
    trackers.set(client, byGrid);
  }
  let tracker = byGrid.get(grid);
  if (tracker === undefined) {
    tracker = createDeployTracker();
    byGrid.set(grid, tracker);
  }
  return tracker;
}

/** The deploy statuses of a grid's services from its event log, by service id "G/S/N"; each read asks only for what is new. */
export const gridDeployEventsQuery = (grid: string) =>
  queryOptions({
    queryKey: queryKeys.deployEvents(grid),
    queryFn: async ({ signal, client }): Promise<Readonly<Record<string, DeployStatus>>> => {
      const tracker = trackerFor(client, grid);
      const events = await getGridEventLogs(grid, { ...tracker.nextQuery(), signal });
      tracker.apply(events);
      return tracker.statuses(Date.now());
    },
  });

/**
 * A grid's statuses with the deploys this browser follows in it (`running`: their service
 * ids): those are in progress at once, not from the next read of the log. The same object
 * when they add nothing.
 */
export function withDeploysInFlight(
  statuses: Readonly<Record<string, DeployStatus>>,
  running: readonly string[],
): Readonly<Record<string, DeployStatus>> {
  let merged: Record<string, DeployStatus> | null = null;
  for (const id of running) {
    const known = statuses[id];
    if (known?.inProgress === true) continue;
    merged ??= { ...statuses };
    merged[id] = { inProgress: true, failed: known?.failed ?? null };
  }
  return merged ?? statuses;
}

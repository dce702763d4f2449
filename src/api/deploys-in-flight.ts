/**
 * The deploys in flight: the one place the services list's tray, a service's header, the
 * monitor and the wall learn which deploys and scales this browser started and how they
 * stand. The master has no list of deploys (docs/kontena-api.md §4.5), so what was started
 * here is all that is known for sure:
 *
 * - every deploy and scale runs as a mutation keyed `mutationKeys.serviceAction(ref,
 *   'deploy' | 'scale')` (api/service-mutations), whichever page started it (a service's
 *   header, a row of the list, the bulk bar, the Settings tab's "Deploy now", the create
 *   page), and its answer is the deploy record. The MutationCache keeps them: one per
 *   service (the latest), at most MAX_FOLLOWED;
 * - the record is then read by `deployQuery` (each second until it finishes), whose
 *   cached state says how it stands.
 *
 * components/use-deploys-in-flight is the React side (useMutationState over these
 * mutations, the deploy queries, the outcome told once). Deploys started elsewhere (the
 * CLI, another browser) show only in the grid's event log: api/grid-deploy-events.
 */
import type { Mutation, MutationFilters, QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';
import { mutationKeys, queryKeys } from './queries';
import type { Deploy } from './schemas/deploy';
import { serviceActionTitle } from './service-actions';
import { serviceId } from './service-ref';
import type { ServiceRef } from './service-ref';

/** success: finished well; error: the master says it failed; gone: the master deleted the record. */
export type DeployOutcome = 'success' | 'error' | 'gone';

/** A deploy or scale this browser started, as its mutation tells it. */
export interface FollowedDeploy {
  /** The service, "G/S/N". */
  serviceId: string;
  ref: ServiceRef;
  deployId: string;
  /** "Deploy", "Force deploy", "Scale to 3". */
  title: string;
  /** This browser's clock when it was sent. */
  sentAt: number;
  /** Part of a bulk action: a good finish is told by the tray's counts, not by a toast of its own. */
  quiet: boolean;
}

/** Followed deploys kept (finished ones dropped first); a service keeps only its latest. */
export const MAX_FOLLOWED = 50;

type AnyMutation = Mutation<unknown, Error, unknown, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The service and command of a deploy or scale mutation's key; null for any other mutation. */
function followedActionOf(key: readonly unknown[] | undefined): { ref: ServiceRef; kind: 'deploy' | 'scale' } | null {
  if (key === undefined) return null;
  const [, , grid, , stack, name, kind] = key;
  if (typeof grid !== 'string' || typeof stack !== 'string' || typeof name !== 'string' || (kind !== 'deploy' && kind !== 'scale'))
    return null;
  const ref = { grid, stack, name };
  const expected = mutationKeys.serviceAction(ref, kind);
  return expected.length === key.length && expected.every((part, i) => part === key[i]) ? { ref, kind } : null;
}

const isFollowedKind = (mutation: AnyMutation) => followedActionOf(mutation.options.mutationKey) !== null;

/** The deploy and scale mutations the master answered with a record: what `useMutationState` reads. */
export const followedDeployFilter: MutationFilters<unknown, Error, unknown, unknown> = { status: 'success', predicate: isFollowedKind };

/** A finished deploy or scale mutation as a followed deploy; null for anything else. */
export function followedDeployOf(mutation: AnyMutation): FollowedDeploy | null {
  const action = followedActionOf(mutation.options.mutationKey);
  const { status, data, variables, submittedAt } = mutation.state;
  if (action === null || status !== 'success' || !isRecord(data) || typeof data.id !== 'string') return null;
  const vars = isRecord(variables) ? variables : {};
  const title =
    action.kind === 'scale'
      ? serviceActionTitle({ kind: 'scale', instances: typeof vars.instances === 'number' ? vars.instances : 0 })
      : serviceActionTitle({ kind: 'deploy', force: vars.force === true });
  return {
    serviceId: serviceId(action.ref),
    ref: action.ref,
    deployId: data.id,
    title,
    sentAt: submittedAt,
    quiet: mutation.options.meta?.quiet === true,
  };
}

/** How a deploy ended, from its query's state; null while it runs (or was not read yet). */
export function deployOutcome(state: { data: Deploy | undefined; error: unknown }): DeployOutcome | null {
  if (isApiError(state.error) && state.error.kind === 'notFound') return 'gone';
  if (state.data === undefined || state.data.finished_at === null) return null;
  return state.data.state === 'error' ? 'error' : 'success';
}

function outcomeIn(client: QueryClient, followed: FollowedDeploy): DeployOutcome | null {
  const state = client.getQueryState<Deploy>(queryKeys.deploy(followed.ref, followed.deployId));
  return state === undefined ? null : deployOutcome(state);
}

/** Per client: the deploys whose outcome has been told (and the lists refreshed after it). */
const told = new WeakMap<QueryClient, Set<string>>();

/**
 * True the first time it is asked for a deploy (per client): whoever notices a finish
 * first tells it and refreshes; the other readers of the same deploy do not again.
 */
export function claimDeployFinish(client: QueryClient, deployId: string): boolean {
  let ids = told.get(client);
  if (ids === undefined) {
    ids = new Set();
    told.set(client, ids);
  }
  if (ids.has(deployId)) return false;
  ids.add(deployId);
  // Deploys that left the cache other than through forget() (a sign-out clears it) would
  // stay here for the tab's life: past the cache's own bound, keep only what it holds.
  if (ids.size > MAX_FOLLOWED) {
    const held = new Set(
      client
        .getMutationCache()
        .findAll(followedDeployFilter)
        .map((m) => followedDeployOf(m)?.deployId),
    );
    for (const id of ids) if (!held.has(id)) ids.delete(id);
  }
  return true;
}

function forget(client: QueryClient, mutation: AnyMutation): void {
  const followed = followedDeployOf(mutation);
  if (followed !== null) told.get(client)?.delete(followed.deployId);
  client.getMutationCache().remove(mutation);
}

/**
 * Called by a deploy or scale of `ref` as it settles (still pending itself): a refused
 * one follows nothing and goes; when it was `answered`, the service's older ones go;
 * beyond MAX_FOLLOWED the oldest go, finished ones first. The mutations are kept with no
 * time limit (a failed deploy stays on screen until dismissed), so this is their bound.
 */
export function keepLatestDeploys(client: QueryClient, ref: ServiceRef, answered: boolean): void {
  const cache = client.getMutationCache();
  const id = serviceId(ref);
  for (const mutation of cache.findAll({ predicate: isFollowedKind })) {
    if (mutation.state.status === 'error') forget(client, mutation);
    else if (answered && followedDeployOf(mutation)?.serviceId === id) forget(client, mutation);
  }
  // Room for the one settling now.
  const kept = cache.findAll(followedDeployFilter);
  let excess = kept.length + (answered ? 1 : 0) - MAX_FOLLOWED;
  // Oldest first within each group: the sort is stable, and the cache lists them as they were made.
  const finishedFirst = [...kept].sort((a, b) => Number(isRunning(client, a)) - Number(isRunning(client, b)));
  for (const mutation of finishedFirst) {
    if (excess <= 0) break;
    forget(client, mutation);
    excess -= 1;
  }
}

function isRunning(client: QueryClient, mutation: AnyMutation): boolean {
  const followed = followedDeployOf(mutation);
  return followed !== null && outcomeIn(client, followed) === null;
}

/** A removed service's deploys are gone with it. */
export function forgetServiceDeploys(client: QueryClient, ref: ServiceRef): void {
  const id = serviceId(ref);
  for (const mutation of client.getMutationCache().findAll(followedDeployFilter)) {
    if (followedDeployOf(mutation)?.serviceId === id) forget(client, mutation);
  }
}

/**
 * Query keys and TanStack Query options for the master's resources, and the mutation keys
 * of the changes to them (the mutation options are in api/service-mutations and
 * api/secret-mutations). Keys nest so that invalidating a prefix hits what it should:
 * `queryKeys.grid(g)` covers everything in a grid, `queryKeys.service(ref)` covers that
 * service's containers, stats, metrics and deploys (the services list is a sibling).
 * What a change refreshes is decided in one place: refreshAfterServiceChange.
 */
import { queryOptions } from '@tanstack/react-query';
import { listContainerSummaries, listContainers } from './containers';
import { getDeploy, isDeployFinished } from './deploys';
import { isApiError, isTransientApiError } from './errors';
import { listGrids } from './grids';
import { listNodes } from './nodes';
import { listSecrets } from './secrets';
import { getService, listServices } from './services';
import type { ServiceRef } from './service-ref';
import { listStacks } from './stacks';
import { getMetrics, getStats } from './stats';
import type { StatsSort } from './stats';

/** A metrics time window: ISO times; both omitted = the master's default (the last hour). */
export interface MetricsWindow {
  from?: string;
  to?: string;
}

const ROOT = 'kontena';

export const queryKeys = {
  all: () => [ROOT] as const,
  user: () => [ROOT, 'user'] as const,
  grids: () => [ROOT, 'grids'] as const,
  grid: (grid: string) => [ROOT, 'grid', grid] as const,
  services: (grid: string) => [ROOT, 'grid', grid, 'services'] as const,
  service: (ref: ServiceRef) => [ROOT, 'grid', ref.grid, 'service', ref.stack, ref.name] as const,
  containers: (ref: ServiceRef) => [...queryKeys.service(ref), 'containers'] as const,
  containerSummaries: (ref: ServiceRef) => [...queryKeys.service(ref), 'containers', 'summary'] as const,
  stats: (ref: ServiceRef) => [...queryKeys.service(ref), 'stats'] as const,
  metrics: (ref: ServiceRef, window: MetricsWindow) =>
    [...queryKeys.service(ref), 'metrics', { from: window.from ?? null, to: window.to ?? null }] as const,
  deploy: (ref: ServiceRef, id: string) => [...queryKeys.service(ref), 'deploy', id] as const,
  secrets: (grid: string) => [ROOT, 'grid', grid, 'secrets'] as const,
  nodes: (grid: string) => [ROOT, 'grid', grid, 'nodes'] as const,
  stacks: (grid: string) => [ROOT, 'grid', grid, 'stacks'] as const,
  stack: (grid: string, stack: string) => [ROOT, 'grid', grid, 'stacks', stack] as const,
  stackDeploy: (grid: string, stack: string, id: string) => [ROOT, 'grid', grid, 'stacks', stack, 'deploy', id] as const,
  volumes: (grid: string) => [ROOT, 'grid', grid, 'volumes'] as const,
  gridMetrics: (grid: string, window: MetricsWindow) =>
    [ROOT, 'grid', grid, 'metrics', { from: window.from ?? null, to: window.to ?? null }] as const,
  gridContainers: (grid: string) => [ROOT, 'grid', grid, 'containers'] as const,
  node: (grid: string, node: string) => [ROOT, 'grid', grid, 'nodes', node] as const,
  nodeMetrics: (grid: string, node: string, window: MetricsWindow) =>
    [...queryKeys.node(grid, node), 'metrics', { from: window.from ?? null, to: window.to ?? null }] as const,
  auditLog: (grid: string) => [ROOT, 'grid', grid, 'audit'] as const,
  /** What the grid's event log says of its deploys (api/grid-deploy-events). */
  deployEvents: (grid: string) => [ROOT, 'grid', grid, 'deploy-events'] as const,
};

/** The lifecycle commands of `kontena service`: deploy and scale give a deploy record to follow. */
type ServiceActionKind = 'deploy' | 'scale' | 'start' | 'stop' | 'restart' | 'remove';
/** The changes to a service's settings: its env, secrets and links one by one, or any fields at once. */
export type ServiceChangeKind = 'env-add' | 'env-remove' | 'secret-link' | 'secret-unlink' | 'link' | 'unlink' | 'update';
type SecretChangeKind = 'create' | 'update' | 'delete' | 'reveal';

/**
 * Mutation keys, under the query key of what they change: `useMutationState` finds a
 * running or finished change by them (api/deploys-in-flight reads the deploy and scale
 * ones of every service). The factories are in api/service-mutations and api/secret-mutations.
 */
export const mutationKeys = {
  serviceAction: (ref: ServiceRef, action: ServiceActionKind) => [...queryKeys.service(ref), action] as const,
  serviceChange: (ref: ServiceRef, change: ServiceChangeKind) => [...queryKeys.service(ref), 'change', change] as const,
  serviceCreate: (grid: string) => [...queryKeys.services(grid), 'create'] as const,
  secret: (grid: string, change: SecretChangeKind) => [...queryKeys.secrets(grid), change] as const,
  node: (grid: string, node: string, change: 'labels' | 'remove') => [...queryKeys.node(grid, node), change] as const,
  stackInstall: (grid: string) => [...queryKeys.stacks(grid), 'install'] as const,
  stack: (grid: string, stack: string, change: 'upgrade' | 'deploy' | 'remove') => [...queryKeys.stack(grid, stack), change] as const,
  volume: (grid: string, change: 'create' | 'remove') => [...queryKeys.volumes(grid), change] as const,
};

/**
 * A `retry` for QueryClient defaults: retry what can heal (network, 5xx, garbage from
 * a proxy, rate limit) up to 3 times; never auth, forbidden, not-found or validation.
 */
export function retryApiError(failureCount: number, error: unknown): boolean {
  return failureCount < 3 && (!isApiError(error) || isTransientApiError(error));
}

export const gridsQuery = () => queryOptions({ queryKey: queryKeys.grids(), queryFn: ({ signal }) => listGrids({ signal }) });

/**
 * A grid's services, polled by the list and the wall (5,000 in the large grid). Sharing
 * policy: a service that did not change keeps its object, and an answer that changed
 * nothing is the very same array. The answer-check worker (answer-check-worker.ts) keeps
 * it: only changed items cross to the main thread, and each answer is rebuilt from the
 * previous one. So TanStack's structural sharing is off, for every observer alike (it
 * would be a second layer; its deep compare took ~400 ms a poll of 5,000 fresh services).
 * Views compare service objects: a row or tile whose service kept its object stays.
 */
export const servicesQuery = (grid: string) =>
  queryOptions({
    queryKey: queryKeys.services(grid),
    queryFn: ({ signal }) => listServices(grid, undefined, { signal }),
    structuralSharing: false,
  });

export const serviceQuery = (ref: ServiceRef) =>
  queryOptions({ queryKey: queryKeys.service(ref), queryFn: ({ signal }) => getService(ref, { signal }) });

export const containersQuery = (ref: ServiceRef) =>
  queryOptions({ queryKey: queryKeys.containers(ref), queryFn: ({ signal }) => listContainers(ref, { signal }) });

/**
 * The containers as the live views read them, polled by several views at once (the
 * service header, the monitor, the log chips). No structural sharing, for every observer
 * alike: deep-comparing 2,000 containers on each poll was the largest cost of a poll, and
 * the monitor's tiles compare only what they show.
 */
export const containerSummariesQuery = (ref: ServiceRef) =>
  queryOptions({
    queryKey: queryKeys.containerSummaries(ref),
    queryFn: ({ signal }) => listContainerSummaries(ref, { signal }),
    structuralSharing: false,
  });

export const statsQuery = (ref: ServiceRef, options?: { sort?: StatsSort; limit?: number }) =>
  queryOptions({
    queryKey: [...queryKeys.stats(ref), { sort: options?.sort ?? null, limit: options?.limit ?? null }] as const,
    queryFn: ({ signal }) => getStats(ref, { ...options, signal }),
  });

export const metricsQuery = (ref: ServiceRef, window: MetricsWindow) =>
  queryOptions({
    queryKey: queryKeys.metrics(ref, window),
    queryFn: ({ signal }) => getMetrics(ref, { from: window.from, to: window.to, signal }),
  });

export const secretsQuery = (grid: string) =>
  queryOptions({ queryKey: queryKeys.secrets(grid), queryFn: ({ signal }) => listSecrets(grid, { signal }) });

export const nodesQuery = (grid: string) =>
  queryOptions({ queryKey: queryKeys.nodes(grid), queryFn: ({ signal }) => listNodes(grid, { signal }) });

export const stacksQuery = (grid: string) =>
  queryOptions({ queryKey: queryKeys.stacks(grid), queryFn: ({ signal }) => listStacks(grid, { signal }) });

/** How often a running deploy is polled, as the CLI does. */
const DEPLOY_POLL_MS = 1000;

/**
 * A deploy record, polled every second until `finished_at` is set. Polling also stops
 * on a 404 (the worker deletes a scale of a stopped service) and on auth errors.
 */
export const deployQuery = (ref: ServiceRef, id: string) =>
  queryOptions({
    queryKey: queryKeys.deploy(ref, id),
    queryFn: ({ signal }) => getDeploy(ref, id, { signal }),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (data && isDeployFinished(data)) return false;
      if (isApiError(error) && (error.kind === 'notFound' || error.kind === 'auth' || error.kind === 'forbidden')) return false;
      return DEPLOY_POLL_MS;
    },
    refetchIntervalInBackground: true,
    // Not `retry: retryApiError`: its `unknown` parameter would make the query's error type unknown.
    retry: (failureCount, error) => retryApiError(failureCount, error),
  });

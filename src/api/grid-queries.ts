/**
 * Query options for the grid around the services: the grid record, its stats and
 * metrics, its nodes one by one, every container of the grid and the audit log. Keys
 * are in `queryKeys` (api/queries.ts), all under `queryKeys.grid(g)`.
 */
import { queryOptions } from '@tanstack/react-query';
import { getGridAuditLog } from './audit';
import { listGridContainerSummaries, listGridContainers } from './containers';
import { getGrid, getGridMetrics, getGridStats } from './grids';
import { getNode, getNodeHealth, getNodeMetrics, getNodeStats } from './nodes';
import { queryKeys } from './queries';
import type { MetricsWindow } from './queries';
import type { StatsSort } from './stats';

export const gridQuery = (grid: string) =>
  queryOptions({ queryKey: queryKeys.gridRecord(grid), queryFn: ({ signal }) => getGrid(grid, { signal }) });

export const gridStatsQuery = (grid: string, options?: { sort?: StatsSort; limit?: number }) =>
  queryOptions({
    queryKey: [...queryKeys.gridStats(grid), { sort: options?.sort ?? null, limit: options?.limit ?? null }] as const,
    queryFn: ({ signal }) => getGridStats(grid, { ...options, signal }),
  });

export const gridMetricsQuery = (grid: string, window: MetricsWindow) =>
  queryOptions({
    queryKey: queryKeys.gridMetrics(grid, window),
    queryFn: ({ signal }) => getGridMetrics(grid, { from: window.from, to: window.to, signal }),
  });

/** The grid's running containers (all of them: the nodes pages group them by node). */
export const gridContainersQuery = (grid: string) =>
  queryOptions({ queryKey: queryKeys.gridContainers(grid), queryFn: ({ signal }) => listGridContainers(grid, { signal }) });

export const nodeQuery = (grid: string, node: string) =>
  queryOptions({ queryKey: queryKeys.node(grid, node), queryFn: ({ signal }) => getNode(grid, node, { signal }) });

export const nodeStatsQuery = (grid: string, node: string, options?: { sort?: StatsSort; limit?: number }) =>
  queryOptions({
    queryKey: [...queryKeys.nodeStats(grid, node), { sort: options?.sort ?? null, limit: options?.limit ?? null }] as const,
    queryFn: ({ signal }) => getNodeStats(grid, node, { ...options, signal }),
  });

export const nodeMetricsQuery = (grid: string, node: string, window: MetricsWindow) =>
  queryOptions({
    queryKey: queryKeys.nodeMetrics(grid, node, window),
    queryFn: ({ signal }) => getNodeMetrics(grid, node, { from: window.from, to: window.to, signal }),
  });

/** Asks the agent (up to 10 s): read when a node page is open, never polled fast. */
export const nodeHealthQuery = (grid: string, node: string) =>
  queryOptions({ queryKey: queryKeys.nodeHealth(grid, node), queryFn: ({ signal }) => getNodeHealth(grid, node, { signal }) });

/** The newest `limit` entries of the grid's audit log, oldest first as the master sends them. */
export const auditLogQuery = (grid: string, limit: number) =>
  queryOptions({
    queryKey: [...queryKeys.auditLog(grid), { limit }] as const,
    queryFn: ({ signal }) => getGridAuditLog(grid, limit, { signal }),
  });

/**
 * The grid's running containers as ContainerSummary (name, instance number, state, node),
 * checked off the main thread and not structurally shared (as containerSummariesQuery):
 * what the node page polls to list a node's instances. Under gridContainers(g), so a
 * removed node refreshes it too.
 */
export const gridContainerSummariesQuery = (grid: string) =>
  queryOptions({
    queryKey: [...queryKeys.gridContainers(grid), 'summaries'] as const,
    queryFn: ({ signal }) => listGridContainerSummaries(grid, { signal }),
    structuralSharing: false,
  });

/**
 * Query options for the grid around the services: its metrics, its nodes one by one,
 * every container of the grid (as summaries) and the audit log. Keys
 * are in `queryKeys` (api/queries.ts), all under `queryKeys.grid(g)`.
 */
import { queryOptions } from '@tanstack/react-query';
import { getGridAuditLog } from './audit';
import { listGridContainerSummaries } from './containers';
import { getGridMetrics } from './grids';
import { getNode, getNodeMetrics } from './nodes';
import { queryKeys } from './queries';
import type { MetricsWindow } from './queries';

export const gridMetricsQuery = (grid: string, window: MetricsWindow) =>
  queryOptions({
    queryKey: queryKeys.gridMetrics(grid, window),
    queryFn: ({ signal }) => getGridMetrics(grid, { from: window.from, to: window.to, signal }),
  });

export const nodeQuery = (grid: string, node: string) =>
  queryOptions({ queryKey: queryKeys.node(grid, node), queryFn: ({ signal }) => getNode(grid, node, { signal }) });

export const nodeMetricsQuery = (grid: string, node: string, window: MetricsWindow) =>
  queryOptions({
    queryKey: queryKeys.nodeMetrics(grid, node, window),
    queryFn: ({ signal }) => getNodeMetrics(grid, node, { from: window.from, to: window.to, signal }),
  });

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

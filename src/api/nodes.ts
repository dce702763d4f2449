import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { emptyObjectSchema } from './schemas/common';
import { nodeMetricsSchema } from './schemas/node-health';
import { nodeListSchema, nodeSchema } from './schemas/node';
import type { Node } from './schemas/node';
import type { NodeUpdateBody } from './schemas/requests/node-body';
import type { z } from './schemas/zod-mini';

export type NodeMetrics = z.infer<typeof nodeMetricsSchema>;

/** The grid's host nodes, sorted by name. */
export async function listNodes(grid: string, options?: RequestOptions): Promise<Node[]> {
  const { nodes } = await apiRequest(nodeListSchema, apiPath`/v1/grids/${grid}/nodes`, { signal: options?.signal });
  return nodes;
}

/** One node, by name (or docker engine id: the master looks up both, docs/kontena-api-grid.md G2.1). */
export function getNode(grid: string, node: string, options?: RequestOptions): Promise<Node> {
  return apiRequest(nodeSchema, apiPath`/v1/nodes/${grid}/${node}`, { signal: options?.signal });
}

/** Replaces every label of the node (G2.3); the master answers the node. */
export function updateNodeLabels(grid: string, node: string, labels: string[]): Promise<Node> {
  const body: NodeUpdateBody = { labels };
  return apiRequest(nodeSchema, apiPath`/v1/nodes/${grid}/${node}`, { method: 'PUT', body });
}

/** Removes the node record and its containers' records, connected or not (G2.4). */
export async function removeNode(grid: string, node: string): Promise<void> {
  await apiRequest(emptyObjectSchema, apiPath`/v1/nodes/${grid}/${node}`, { method: 'DELETE' });
}

/** The node's per-minute metrics (G2.5); the master defaults to the last hour. */
export function getNodeMetrics(
  grid: string,
  node: string,
  options?: { from?: string; to?: string; signal?: AbortSignal },
): Promise<NodeMetrics> {
  return apiRequest(nodeMetricsSchema, apiPath`/v1/nodes/${grid}/${node}/metrics`, {
    query: { from: options?.from, to: options?.to },
    signal: options?.signal,
  });
}

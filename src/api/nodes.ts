import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { nodeListSchema } from './schemas/node';
import type { Node } from './schemas/node';

/** The grid's host nodes, sorted by name. */
export async function listNodes(grid: string, options?: RequestOptions): Promise<Node[]> {
  const { nodes } = await apiRequest(nodeListSchema, apiPath`/v1/grids/${grid}/nodes`, { signal: options?.signal });
  return nodes;
}

import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { gridListSchema } from './schemas/grid';
import type { Grid } from './schemas/grid';
import { gridMetricsSchema } from './schemas/stats';
import type { z } from './schemas/zod-mini';

export type GridMetrics = z.infer<typeof gridMetricsSchema>;

export async function listGrids(options?: RequestOptions): Promise<Grid[]> {
  const { grids } = await apiRequest(gridListSchema, '/v1/grids', { signal: options?.signal });
  return grids;
}

/** The nodes' per-minute sums (G1.6): `cpu.used` is the sum of the nodes' percentages. Default: the last hour. */
export function getGridMetrics(grid: string, options?: { from?: string; to?: string; signal?: AbortSignal }): Promise<GridMetrics> {
  return apiRequest(gridMetricsSchema, apiPath`/v1/grids/${grid}/metrics`, {
    query: { from: options?.from, to: options?.to },
    signal: options?.signal,
  });
}

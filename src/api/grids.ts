import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { gridListSchema, gridSchema } from './schemas/grid';
import type { Grid } from './schemas/grid';
import { gridMetricsSchema, statListSchema } from './schemas/stats';
import type { StatRow } from './schemas/stats';
import type { StatsSort } from './stats';
import type { z } from './schemas/zod-mini';

export type GridMetrics = z.infer<typeof gridMetricsSchema>;

export async function listGrids(options?: RequestOptions): Promise<Grid[]> {
  const { grids } = await apiRequest(gridListSchema, '/v1/grids', { signal: options?.signal });
  return grids;
}

/** One grid with its counts of nodes, services, containers and users (docs/kontena-api-grid.md G1.1). */
export function getGrid(grid: string, options?: RequestOptions): Promise<Grid> {
  return apiRequest(gridSchema, apiPath`/v1/grids/${grid}`, { signal: options?.signal });
}

/** One row per container of the grid with its latest sample, sorted descending by `sort` (G1.5). */
export async function getGridStats(grid: string, options?: { sort?: StatsSort; limit?: number; signal?: AbortSignal }): Promise<StatRow[]> {
  const { stats } = await apiRequest(statListSchema, apiPath`/v1/grids/${grid}/stats`, {
    query: { sort: options?.sort, limit: options?.limit },
    signal: options?.signal,
  });
  return stats;
}

/** The nodes' per-minute sums (G1.6): `cpu.used` is the sum of the nodes' percentages. Default: the last hour. */
export function getGridMetrics(grid: string, options?: { from?: string; to?: string; signal?: AbortSignal }): Promise<GridMetrics> {
  return apiRequest(gridMetricsSchema, apiPath`/v1/grids/${grid}/metrics`, {
    query: { from: options?.from, to: options?.to },
    signal: options?.signal,
  });
}

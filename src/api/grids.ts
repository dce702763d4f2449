import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { gridListSchema, gridSchema } from './schemas/grid';
import type { Grid } from './schemas/grid';

export async function listGrids(options?: RequestOptions): Promise<Grid[]> {
  const { grids } = await apiRequest(gridListSchema, '/v1/grids', { signal: options?.signal });
  return grids;
}

export function getGrid(grid: string, options?: RequestOptions): Promise<Grid> {
  return apiRequest(gridSchema, apiPath`/v1/grids/${grid}`, { signal: options?.signal });
}

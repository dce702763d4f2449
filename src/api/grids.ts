import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { gridListSchema } from './schemas/grid';
import type { Grid } from './schemas/grid';

export async function listGrids(options?: RequestOptions): Promise<Grid[]> {
  const { grids } = await apiRequest(gridListSchema, '/v1/grids', { signal: options?.signal });
  return grids;
}

import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { stackListSchema } from './schemas/stack';
import type { Stack } from './schemas/stack';

/** The grid's stacks; the default `null` stack is not listed. */
export async function listStacks(grid: string, options?: RequestOptions): Promise<Stack[]> {
  const { stacks } = await apiRequest(stackListSchema, apiPath`/v1/grids/${grid}/stacks`, { signal: options?.signal });
  return stacks;
}

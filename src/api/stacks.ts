import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { stackListSchema, stackSchema } from './schemas/stack';
import type { Stack } from './schemas/stack';

/** The grid's stacks; the default `null` stack is not listed. */
export async function listStacks(grid: string, options?: RequestOptions): Promise<Stack[]> {
  const { stacks } = await apiRequest(stackListSchema, apiPath`/v1/grids/${grid}/stacks`, { signal: options?.signal });
  return stacks;
}

export function getStack(grid: string, stack: string, options?: RequestOptions): Promise<Stack> {
  return apiRequest(stackSchema, apiPath`/v1/stacks/${grid}/${stack}`, { signal: options?.signal });
}

import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { emptyObjectSchema } from './schemas/common';
import type { StackBody } from './schemas/requests/stack-body';
import { stackDeploySchema, stackListSchema, stackSchema } from './schemas/stack';
import type { Stack } from './schemas/stack';
import type { z } from './schemas/zod-mini';

export type StackDeploy = z.infer<typeof stackDeploySchema>;

/** The grid's stacks; the default `null` stack is not listed. */
export async function listStacks(grid: string, options?: RequestOptions): Promise<Stack[]> {
  const { stacks } = await apiRequest(stackListSchema, apiPath`/v1/grids/${grid}/stacks`, { signal: options?.signal });
  return stacks;
}

/** One stack with its services (docs/kontena-api-grid.md G3.2); 404 `{}` for an unknown one. */
export function getStack(grid: string, stack: string, options?: RequestOptions): Promise<Stack> {
  return apiRequest(stackSchema, apiPath`/v1/stacks/${grid}/${stack}`, { signal: options?.signal });
}

/**
 * Deploys the stack's latest revision (G3.5): services are updated from it at once, then
 * deployed one at a time in the background; the answer is the stack deploy to follow.
 */
export function deployStack(grid: string, stack: string): Promise<StackDeploy> {
  return apiRequest(stackDeploySchema, apiPath`/v1/stacks/${grid}/${stack}/deploy`, { method: 'POST', body: {} });
}

export function getStackDeploy(grid: string, stack: string, id: string, options?: RequestOptions): Promise<StackDeploy> {
  return apiRequest(stackDeploySchema, apiPath`/v1/stacks/${grid}/${stack}/deploys/${id}`, { signal: options?.signal });
}

/** Accepted at once; the master stops and deletes the services in the background, then the stack (G3.6). */
export async function removeStack(grid: string, stack: string): Promise<void> {
  await apiRequest(emptyObjectSchema, apiPath`/v1/stacks/${grid}/${stack}`, { method: 'DELETE' });
}

/** `kontena stack install`: the stack and its services are created, nothing is deployed (G3.3). */
export function installStack(grid: string, body: StackBody): Promise<Stack> {
  return apiRequest(stackSchema, apiPath`/v1/grids/${grid}/stacks`, { method: 'POST', body });
}

/** `kontena stack upgrade`: a new revision; new services are created at once, the rest waits for a deploy (G3.4). */
export function upgradeStack(grid: string, stack: string, body: StackBody): Promise<Stack> {
  return apiRequest(stackSchema, apiPath`/v1/stacks/${grid}/${stack}`, { method: 'PUT', body });
}

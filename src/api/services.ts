import { apiRequest, apiRequestOffThread } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { emptyObjectSchema } from './schemas/common';
import { deploySchema } from './schemas/deploy';
import type { Deploy } from './schemas/deploy';
import { serviceSchema } from './schemas/service';
import type { Service } from './schemas/service';
import type { DeployBody, ScaleBody } from './schemas/requests/service-action-body';
import type { ServiceCreateBody, ServiceUpdateBody } from './schemas/requests/service-body';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';

/** Services of every stack in the grid (null stack included), or of one stack; newest first. */
export async function listServices(grid: string, stack?: string, options?: RequestOptions): Promise<Service[]> {
  const { services } = await apiRequestOffThread('services', apiPath`/v1/grids/${grid}/services`, {
    query: { stack },
    signal: options?.signal,
  });
  return services;
}

export function getService(ref: ServiceRef, options?: RequestOptions): Promise<Service> {
  return apiRequest(serviceSchema, servicePath(ref), { signal: options?.signal });
}

/**
 * The master answers 422 "isn't the right class" to `grid`/`stack` in a body
 * (docs/kontena-api.md §0); drop them even if a caller spread a fetched Service in.
 */
function withoutModelKeys<B extends ServiceUpdateBody>(body: B): Omit<B, 'grid' | 'stack'> {
  const { grid: _grid, stack: _stack, ...rest } = body;
  return rest;
}

/** Creates a service in the grid's default stack (the only stack REST create can target). */
export function createService(grid: string, body: ServiceCreateBody): Promise<Service> {
  return apiRequest(serviceSchema, apiPath`/v1/grids/${grid}/services`, { method: 'POST', body: withoutModelKeys(body) });
}

/** Replaces the given fields; does not deploy (the master's scheduler redeploys a running service within ~20 s). */
export function updateService(ref: ServiceRef, body: ServiceUpdateBody): Promise<Service> {
  return apiRequest(serviceSchema, servicePath(ref), { method: 'PUT', body: withoutModelKeys(body) });
}

export async function removeService(ref: ServiceRef): Promise<void> {
  await apiRequest(emptyObjectSchema, servicePath(ref), { method: 'DELETE' });
}

export function deployService(ref: ServiceRef, options?: { force?: boolean }): Promise<Deploy> {
  const body: DeployBody = options?.force ? { force: true } : {};
  return apiRequest(deploySchema, servicePath(ref, 'deploy'), { method: 'POST', body });
}

export function scaleService(ref: ServiceRef, instances: number): Promise<Deploy> {
  const body: ScaleBody = { instances };
  return apiRequest(deploySchema, servicePath(ref, 'scale'), { method: 'POST', body });
}

async function signal(ref: ServiceRef, action: 'start' | 'stop' | 'restart'): Promise<void> {
  await apiRequest(emptyObjectSchema, servicePath(ref, action), { method: 'POST' });
}

export function startService(ref: ServiceRef): Promise<void> {
  return signal(ref, 'start');
}

export function stopService(ref: ServiceRef): Promise<void> {
  return signal(ref, 'stop');
}

export function restartService(ref: ServiceRef): Promise<void> {
  return signal(ref, 'restart');
}

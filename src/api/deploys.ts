import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { deploySchema } from './schemas/deploy';
import type { Deploy } from './schemas/deploy';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';

/** A deploy record; 404 once the worker deleted it (a scale of a stopped service). */
export function getDeploy(ref: ServiceRef, deployId: string, options?: RequestOptions): Promise<Deploy> {
  return apiRequest(deploySchema, servicePath(ref) + apiPath`/deploys/${deployId}`, { signal: options?.signal });
}

/** Finished deploys carry `finished_at`; the CLI polls until then. */
export function isDeployFinished(deploy: Deploy): boolean {
  return deploy.finished_at !== null;
}

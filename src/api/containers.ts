import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { containerListSchema } from './schemas/container';
import type { Container } from './schemas/container';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';

/** The service's containers ("instances"), oldest first. */
export async function listContainers(ref: ServiceRef, options?: RequestOptions): Promise<Container[]> {
  const { containers } = await apiRequest(containerListSchema, servicePath(ref, 'containers'), { signal: options?.signal });
  return containers;
}

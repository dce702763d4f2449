import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { containerListSchema, containerSummaryListSchema } from './schemas/container';
import type { Container, ContainerSummary } from './schemas/container';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';

/** The service's containers ("instances"), oldest first. */
export async function listContainers(ref: ServiceRef, options?: RequestOptions): Promise<Container[]> {
  const { containers } = await apiRequest(containerListSchema, servicePath(ref, 'containers'), { signal: options?.signal });
  return containers;
}

/** The service's containers as the live views read them (ContainerSummary), oldest first. */
export async function listContainerSummaries(ref: ServiceRef, options?: RequestOptions): Promise<ContainerSummary[]> {
  const { containers } = await apiRequest(containerSummaryListSchema, servicePath(ref, 'containers'), { signal: options?.signal });
  return containers;
}

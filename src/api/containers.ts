import { apiRequest, apiRequestOffThread } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { containerListSchema } from './schemas/container';
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
  // Checked in a worker: at 2,000 instances this answer is 3 MB of JSON, polled every 2 s.
  const { containers } = await apiRequestOffThread('containerSummaries', servicePath(ref, 'containers'), { signal: options?.signal });
  return containers;
}

/**
 * The grid's running containers as the live views read them (ContainerSummary), checked in
 * the answer-check worker: the large grid's full answer (listGridContainers) took seconds
 * of main thread to validate on every poll of a node page.
 */
export async function listGridContainerSummaries(grid: string, options?: RequestOptions): Promise<ContainerSummary[]> {
  const { containers } = await apiRequestOffThread('containerSummaries', apiPath`/v1/containers/${grid}`, { signal: options?.signal });
  return containers;
}

/**
 * Where only the service JSON is at hand (the services list's rows, the wall's tiles),
 * its `health_status` cannot tell instances that have not reported yet from unhealthy
 * ones (see lib/service-health). This asks the service's containers, but only for what
 * is on screen (the caller is a mounted row or tile: the list virtualises its rows) and
 * only while the JSON leaves it open: a service whose instances are all healthy, or that
 * has no check, costs no request. Until the answer is in, the JSON's reading stands,
 * which is never red.
 */
import { useQuery } from '@tanstack/react-query';
import { containerSummariesQuery } from '../api/queries';
import type { ContainerSummary } from '../api/schemas/container';
import type { ServiceRef } from '../api/service-ref';
import { healthFromInstances } from '../lib/service-health';
import type { ServiceHealth } from '../lib/service-health';

/** How often an unresolved service's containers are asked again while it stays unresolved. */
const REPORTED_HEALTH_POLL_MS = 5_000;

// Module-level, so TanStack Query keeps the selected answer until the containers change.
const fromInstances = (containers: readonly ContainerSummary[]): ServiceHealth => healthFromInstances(true, containers);

/**
 * The service's health as far as it is known: `fromService` (lib/service-health's
 * healthFromService of its JSON), or, when that is unresolved, what its containers say.
 */
export function useReportedHealth(ref: ServiceRef, fromService: ServiceHealth): ServiceHealth {
  const unresolved = fromService.level === 'unresolved';
  const query = useQuery({
    ...containerSummariesQuery(ref),
    enabled: unresolved,
    refetchInterval: unresolved ? REPORTED_HEALTH_POLL_MS : false,
    // An answer older than two polls (e.g. kept from an earlier spell of doubt) is not
    // what the instances say now: the JSON's reading stands until a fresh one is in.
    staleTime: 2 * REPORTED_HEALTH_POLL_MS,
    select: fromInstances,
  });
  if (!unresolved || query.data === undefined || query.isStale) return fromService;
  return query.data;
}

/**
 * The service's env and link lists as the overview reads them (docs/kontena-api.md §4.8–§4.10),
 * as pure functions over the master's JSON. How a link or secret change rewrites the
 * lists is in api/service-links.
 */
import type { Service, ServiceLink } from '../../api/schemas/service';
import { tryParseServiceId } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { envKey } from '../../lib/options/env';

/** `service env ls`: the stored entries sorted as strings (Ruby `sort`), duplicates kept. */
export function sortEnvLikeCli(env: readonly string[]): string[] {
  return [...env].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many stored entries have each key: a DELETE removes all of them. */
export function envKeyCounts(env: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of env) counts.set(envKey(entry), (counts.get(envKey(entry)) ?? 0) + 1);
  return counts;
}

export function refOfLink(link: ServiceLink): ServiceRef | null {
  return tryParseServiceId(link.id);
}

interface IncomingLink {
  service: Service;
  alias: string;
}

/** The services whose links point at `serviceId` ("G/S/N"): the reason a remove is refused. */
export function servicesLinkingTo(services: readonly Service[], serviceId: string): IncomingLink[] {
  const incoming: IncomingLink[] = [];
  for (const service of services) {
    for (const link of service.links) {
      if (link.id === serviceId) incoming.push({ service, alias: link.alias });
    }
  }
  return incoming;
}

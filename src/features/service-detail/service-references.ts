/**
 * The service's env, secret and link lists as the CLI reads and rewrites them
 * (kontena-api.md §4.8–§4.10), as pure functions over the master's JSON.
 */
import type { Service, ServiceLink, ServiceSecret } from '../../api/schemas/service';
import type { ServiceLinkBody, ServiceSecretBody } from '../../api/schemas/service-body';
import { serviceDisplayName, tryParseServiceId } from '../../api/service-ref';
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

/**
 * A link's target as `S/N`: its id "G/S/N" minus "G/". The CLI's unlink sends the bare
 * `name` back instead, which the master resolves in the linking service's own stack and
 * so re-points every cross-stack link (§4.10); the id never does.
 */
export function linkTargetName(link: Pick<ServiceLink, 'id' | 'name'>): string {
  const ref = tryParseServiceId(link.id);
  if (ref) return `${ref.stack}/${ref.name}`;
  const slash = link.id.indexOf('/');
  return slash >= 0 ? link.id.slice(slash + 1) : link.name;
}

/**
 * A link target (`S/N`) or service id (`G/S/N`) as messages name it: like the list,
 * `name` for the default stack and `stack/name` otherwise. Anything else is kept as is.
 */
export function linkTargetLabel(targetOrId: string): string {
  const parts = targetOrId.split('/');
  const [stack, name] = parts.length === 3 ? parts.slice(1) : parts;
  if ((parts.length !== 2 && parts.length !== 3) || !stack || !name) return targetOrId;
  return serviceDisplayName({ grid: '', stack, name });
}

/** The links list to PUT: every existing link by its full `S/N` name. */
export function linksBody(links: readonly ServiceLink[]): ServiceLinkBody[] {
  return links.map((link) => ({ name: linkTargetName(link), alias: link.alias }));
}

/** The secrets list to PUT, with only the keys the master reads. */
export function secretsBody(secrets: readonly ServiceSecret[]): ServiceSecretBody[] {
  return secrets.map(({ secret, name, type }) => ({ secret, name, type }));
}

export function refOfLink(link: ServiceLink): ServiceRef | null {
  return tryParseServiceId(link.id);
}

export interface IncomingLink {
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

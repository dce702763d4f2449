/**
 * The CLI's `service secret` and `link` commands as the dashboard runs them
 * (docs/kontena-api.md §4.9–§4.10; `service env` has endpoints of its own, api/envs.ts).
 * Secrets and links are changed by PUT of the whole list, built from a fresh GET of the
 * service as the CLI does, so a change made meanwhile by someone else is not overwritten.
 */
import { ApiError } from './errors';
import type { ServiceLink, ServiceSecret, Service } from './schemas/service';
import type { ServiceLinkBody, ServiceSecretBody } from './schemas/requests/service-body';
import { getService, updateService } from './services';
import { serviceDisplayName, tryParseServiceId } from './service-ref';
import type { ServiceRef } from './service-ref';

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

/** A refusal found before anything is sent, shaped like the master's 422 so forms show it at the field. */
function refuse(field: string, message: string): ApiError {
  return new ApiError({ kind: 'validation', fieldErrors: { [field]: message }, message });
}

export interface SecretLinkSpec {
  /** The grid's vault secret. */
  secret: string;
  /** The environment variable it becomes. */
  name: string;
}

export async function linkSecret(ref: ServiceRef, spec: SecretLinkSpec): Promise<Service> {
  const current = await getService(ref);
  if (current.secrets.some((s) => s.secret === spec.secret && s.name === spec.name)) {
    throw refuse('secrets', `Secret ${spec.secret} is already linked as ${spec.name}`);
  }
  const clash = current.secrets.find((s) => s.name === spec.name);
  if (clash) throw refuse('name', `${spec.name} is already set from secret ${clash.secret}: unlink that first`);
  return updateService(ref, { secrets: [...secretsBody(current.secrets), { secret: spec.secret, name: spec.name, type: 'env' }] });
}

/**
 * Drops the entries matching both secret and name. Unlike the CLI, which always PUTs,
 * an entry that is already gone is reported and nothing is sent.
 */
export async function unlinkSecret(ref: ServiceRef, spec: SecretLinkSpec): Promise<Service> {
  const current = await getService(ref);
  const rest = current.secrets.filter((s) => !(s.secret === spec.secret && s.name === spec.name));
  if (rest.length === current.secrets.length) throw refuse('secrets', `Secret ${spec.secret} is not linked as ${spec.name} (any more)`);
  return updateService(ref, { secrets: secretsBody(rest) });
}

export interface ServiceLinkSpec {
  /** The linked service as `S/N`. */
  target: string;
  alias: string;
}

export async function linkService(ref: ServiceRef, spec: ServiceLinkSpec): Promise<Service> {
  const current = await getService(ref);
  if (current.links.some((l) => linkTargetName(l) === spec.target))
    throw refuse('links', `${linkTargetLabel(spec.target)} is already linked`);
  const sameAlias = current.links.find((l) => l.alias === spec.alias);
  if (sameAlias)
    throw refuse('alias', `The alias ${spec.alias} is already used by the link to ${linkTargetLabel(linkTargetName(sameAlias))}`);
  return updateService(ref, { links: [...linksBody(current.links), { name: spec.target, alias: spec.alias }] });
}

/** Drops the link to the service `targetId` ("G/S/N"); the others are sent by their full `S/N` name. */
export async function unlinkService(ref: ServiceRef, targetId: string): Promise<Service> {
  const current = await getService(ref);
  const rest = current.links.filter((l) => l.id !== targetId);
  if (rest.length === current.links.length) throw refuse('links', `${linkTargetLabel(targetId)} is not linked (any more)`);
  return updateService(ref, { links: linksBody(rest) });
}

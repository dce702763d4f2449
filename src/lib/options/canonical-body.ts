import { applyImageDefaultTag } from './image';
import { portWithDefaults } from './ports';
import type { ServiceCommonBody, ServiceCreateBody, ServiceUpdateBody } from './service-body';

/**
 * One normal form for request bodies, so that two bodies that make the master store the
 * same service compare equal (the CLI round-trip tests rely on it):
 * - numbers are numbers (the CLI's string ports, cpu shares, instances and health-check
 *   fields are the same to the master);
 * - `container_count` becomes `instances` (the master reads them alike; `instances` wins);
 * - ports carry their defaults (`ip` 0.0.0.0, `protocol` tcp) and secrets `type: "env"`;
 * - the image has the CLI's default tag (`redis` → `redis:latest`);
 * - `privileged` is always present (false by default), as both CLI commands send it;
 * - keys whose value is `undefined` are removed.
 * For create, the defaults the CLI always sends are filled in (`stateful` false,
 * `log_opts` {}, `secrets` []), and empty lists, an empty `deploy_opts` and empty
 * `hooks` are dropped: on create they mean the same as leaving the field out. On update
 * they are kept, because there an empty list clears the stored one.
 */
function canonicalCommon<T extends ServiceCommonBody>(body: T): T {
  const result: T = { ...body };
  const instances = body.instances ?? body.container_count;
  delete result.container_count;
  if (instances !== undefined) result.instances = instances;
  if (body.ports !== undefined) result.ports = body.ports.map(portWithDefaults);
  if (body.secrets !== undefined) result.secrets = body.secrets.map(({ secret, name }) => ({ secret, name, type: 'env' }));
  result.privileged = body.privileged ?? false;
  return withoutUndefined(result);
}

/** A copy of `body` without the keys whose value is `undefined`. */
export function withoutUndefined<T extends object>(body: T): T {
  // Object.fromEntries loses the key types; the entries kept are T's own.
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as T;
}

const CREATE_LIST_FIELDS: readonly string[] = [
  'ports',
  'links',
  'volumes',
  'volumes_from',
  'affinity',
  'env',
  'cap_add',
  'cap_drop',
  'devices',
];

export function canonicalCreateBody(body: ServiceCreateBody): ServiceCreateBody {
  const common = canonicalCommon(body);
  // Object.fromEntries loses the key types; only empty lists are left out.
  const result = Object.fromEntries(
    Object.entries(common).filter(([key, value]) => !(CREATE_LIST_FIELDS.includes(key) && Array.isArray(value) && value.length === 0)),
  ) as ServiceCreateBody;
  result.image = applyImageDefaultTag(body.image);
  result.stateful = body.stateful ?? false;
  result.log_opts = { ...(body.log_opts ?? {}) };
  result.secrets = result.secrets ?? [];
  if (result.deploy_opts !== undefined && Object.values(result.deploy_opts).every((v) => v === undefined)) delete result.deploy_opts;
  if (result.hooks !== undefined && (result.hooks.post_start ?? []).length === 0) delete result.hooks;
  return result;
}

export function canonicalUpdateBody(body: ServiceUpdateBody): ServiceUpdateBody {
  const result = canonicalCommon(body);
  if (body.image !== undefined) result.image = applyImageDefaultTag(body.image);
  return result;
}

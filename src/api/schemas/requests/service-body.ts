/**
 * Request bodies of `POST /v1/grids/G/services` and `PUT /v1/services/G/S/N`, field for
 * field as the master validates them (docs/kontena-api.md §5): its type checks, and the custom
 * checks a body can fail without looking at the grid (strategy, net, pid, volume format,
 * health-check interval, stateful with volumes_from). Numbers are numbers here: the
 * dashboard sends integers where the CLI sends some of them as strings.
 *
 * `grid` and `stack` can never be given: the master treats them as model inputs and
 * answers 422 "isn't the right class", so they must never be copied from a GET.
 *
 * The option parsers and the CLI command reader in lib/options build these bodies with
 * their own copy of the types (lib/ may not import api/); `_LibAgrees` below keeps the
 * two the same.
 */
import type * as Lib from '../../../lib/options/service-body';
import { filledStringSchema, nameInputSchema } from './rules';
import { z } from '../zod-mini';

const HEALTH_CHECK_DEFAULTS = { timeout: 10, interval: 60 } as const;

/** "/path", "/host:/path[:flags]" or "volname:/path[:flags]" (§5 `volumes`). */
function volumeFormatOk(volume: string): boolean {
  const [first = '', target, ...flags] = volume.split(':');
  if (target === undefined) return first.startsWith('/');
  return target.startsWith('/') && (first.startsWith('/') || /^\w[\w.-]*$/.test(first)) && flags.every((flag) => flag !== '');
}

const servicePortBodySchema = z.strictObject({
  node_port: z.int(),
  container_port: z.int(),
  /** Default "tcp"; the master does not check the value beyond it being a string. */
  protocol: z.optional(filledStringSchema),
  /** Default "0.0.0.0". */
  ip: z.optional(filledStringSchema),
});

const serviceLinkBodySchema = z.strictObject({
  /** `N` (resolved in the linking service's own stack) or `S/N`. */
  name: filledStringSchema,
  alias: filledStringSchema,
});

const serviceSecretBodySchema = z.strictObject({
  /** The grid secret (vault); the master checks that it exists. */
  secret: filledStringSchema,
  /** The environment variable in the container. */
  name: filledStringSchema,
  /** Accepted and ignored: the master always stores "env". */
  type: z.optional(filledStringSchema),
});

const deployOptsBodySchema = z.strictObject({
  wait_for_port: z.optional(z.nullable(z.int())),
  min_health: z.optional(z.nullable(z.number())),
  /** Seconds between automatic redeploys; null turns them off. */
  interval: z.optional(z.nullable(z.int())),
});

const hookBodySchema = z.strictObject({
  name: filledStringSchema,
  cmd: filledStringSchema,
  /** Comma-separated instance numbers, or "*". */
  instances: filledStringSchema,
  oneshot: z.optional(z.boolean()),
});

const hooksBodySchema = z.strictObject({ post_start: z.optional(z.array(hookBodySchema)) });

/** Both `port` and `protocol` are required keys; null (no health check) is allowed for both. */
const healthCheckBodySchema = z
  .strictObject({
    port: z.nullable(z.int()),
    protocol: z.nullable(z.enum(['http', 'tcp'])),
    uri: z.optional(filledStringSchema),
    timeout: z.optional(z.int()),
    interval: z.optional(z.int()),
    initial_delay: z.optional(z.int()),
  })
  .check(
    z.refine((check) => (check.interval ?? HEALTH_CHECK_DEFAULTS.interval) >= (check.timeout ?? HEALTH_CHECK_DEFAULTS.timeout), {
      message: 'Interval has to be bigger than timeout',
    }),
  );

/** Inputs that create and update share (`GridServices::Common.common_validations`). */
const commonShape = {
  instances: z.optional(z.int()),
  /** Deprecated alias of `instances`; `instances` wins when both are sent. */
  container_count: z.optional(z.int()),
  strategy: z.optional(z.enum(['ha', 'daemon', 'random'])),
  user: z.optional(filledStringSchema),
  cmd: z.optional(z.array(filledStringSchema)),
  /** Create only: the master ignores it on update. */
  entrypoint: z.optional(filledStringSchema),
  /** `KEY=VALUE` strings. On update, `KEY=` keeps KEY's current value. */
  env: z.optional(z.array(filledStringSchema)),
  secrets: z.optional(z.array(serviceSecretBodySchema)),
  ports: z.optional(z.array(servicePortBodySchema)),
  links: z.optional(z.array(serviceLinkBodySchema)),
  /** Not checked by the master before a deploy. */
  affinity: z.optional(z.array(filledStringSchema)),
  /** Replaces the whole stored object. */
  deploy_opts: z.optional(deployOptsBodySchema),
  volumes: z.optional(z.array(filledStringSchema.check(z.refine(volumeFormatOk, { message: 'Volume definition not in right format' })))),
  volumes_from: z.optional(z.array(filledStringSchema)),
  cpu_shares: z.optional(z.int().check(z.minimum(0), z.maximum(1024))),
  /** Bytes. */
  memory: z.optional(z.int()),
  /** Bytes. */
  memory_swap: z.optional(z.int()),
  /** Write-only: stored, never returned. */
  privileged: z.optional(z.boolean()),
  cap_add: z.optional(z.array(filledStringSchema)),
  cap_drop: z.optional(z.array(filledStringSchema)),
  net: z.optional(z.string().check(z.regex(/^(bridge|host|container:.+)$/, { message: "isn't in the right format" }))),
  log_driver: z.optional(filledStringSchema),
  log_opts: z.optional(z.record(z.string(), filledStringSchema)),
  /** Write-only: stored, never returned. */
  devices: z.optional(z.array(filledStringSchema)),
  /** Create only: the master ignores it on update (the CLI still sends it). */
  pid: z.optional(z.literal('host')),
  hooks: z.optional(hooksBodySchema),
  health_check: z.optional(healthCheckBodySchema),
  grid: z.optional(z.never()),
  stack: z.optional(z.never()),
};

export const serviceCreateBodySchema = z
  .strictObject({ ...commonShape, name: nameInputSchema, image: filledStringSchema, stateful: z.boolean() })
  .check(
    z.refine((body) => !(body.stateful && (body.volumes_from ?? []).length > 0), {
      message: 'Cannot combine stateful & volumes_from',
      path: ['volumes_from'],
    }),
  );

/** On update every field is optional; `name` and `stateful` cannot be changed. */
export const serviceUpdateBodySchema = z.strictObject({ ...commonShape, image: z.optional(filledStringSchema) });

type ServicePortBody = z.infer<typeof servicePortBodySchema>;
export type ServiceLinkBody = z.infer<typeof serviceLinkBodySchema>;
export type ServiceSecretBody = z.infer<typeof serviceSecretBodySchema>;
type DeployOptsBody = z.infer<typeof deployOptsBodySchema>;
type HookBody = z.infer<typeof hookBodySchema>;
type HealthCheckBody = z.infer<typeof healthCheckBodySchema>;
export type ServiceCreateBody = z.infer<typeof serviceCreateBodySchema>;
export type ServiceUpdateBody = z.infer<typeof serviceUpdateBodySchema>;
/** What create and update share. */
type ServiceCommonBody = Omit<ServiceUpdateBody, 'image'>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<T extends true> = T;
/** A compile error here means lib/options/service-body.ts and these schemas no longer describe the same bodies. */
type _LibAgrees = Agrees<
  | Same<ServiceCreateBody, Lib.ServiceCreateBody>
  | Same<ServiceUpdateBody, Lib.ServiceUpdateBody>
  | Same<ServiceCommonBody, Lib.ServiceCommonBody>
  | Same<HealthCheckBody, Lib.HealthCheckBody>
  | Same<ServicePortBody, Lib.PortBody>
  | Same<DeployOptsBody, Lib.DeployOptsBody>
  | Same<HookBody, Lib.HookBody>
>;

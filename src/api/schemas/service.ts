import { z } from './zod-mini';
import { timestampSchema } from './common';

export const serviceStateSchema = z.enum(['initialized', 'running', 'stopped', 'restarting', 'deploying']);
export type ServiceState = z.infer<typeof serviceStateSchema>;

export const strategySchema = z.enum(['ha', 'daemon', 'random']);
export type Strategy = z.infer<typeof strategySchema>;

const servicePortSchema = z.looseObject({
  ip: z.string(),
  protocol: z.string(),
  node_port: z.number(),
  container_port: z.number(),
});

export const serviceSecretSchema = z.looseObject({ name: z.string(), secret: z.string(), type: z.literal('env') });
export type ServiceSecret = z.infer<typeof serviceSecretSchema>;

export const serviceLinkSchema = z.looseObject({ id: z.string(), alias: z.string(), name: z.string() });
export type ServiceLink = z.infer<typeof serviceLinkSchema>;

/** The whole embedded Mongoid document, hence the stray `_id: {$oid}` (docs/kontena-api.md §0). */
const deployOptsSchema = z.looseObject({
  _id: z.optional(z.looseObject({ $oid: z.string() })),
  interval: z.nullable(z.number()),
  min_health: z.number(),
  wait_for_port: z.nullable(z.number()),
});

const serviceHookSchema = z.looseObject({
  cmd: z.string(),
  name: z.string(),
  oneshot: z.boolean(),
  type: z.literal('post_start'),
});

const healthCheckSchema = z.looseObject({
  protocol: z.enum(['http', 'tcp']),
  uri: z.string(),
  port: z.nullable(z.number()),
  timeout: z.number(),
  initial_delay: z.number(),
  interval: z.number(),
});

const healthStatusSchema = z.looseObject({ healthy: z.number(), total: z.number() });

/**
 * ServiceJson (docs/kontena-api.md §4.4): the 36 keys the master always sends, plus
 * `health_check`/`health_status`, which exist only while a health-check protocol is set.
 */
export const serviceSchema = z.looseObject({
  id: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  image: z.string(),
  affinity: z.array(z.string()),
  name: z.string(),
  stateful: z.boolean(),
  user: z.nullable(z.string()),
  instances: z.number(),
  cmd: z.nullable(z.array(z.string())),
  entrypoint: z.nullable(z.string()),
  net: z.string(),
  dns: z.string(),
  ports: z.array(servicePortSchema),
  env: z.array(z.string()),
  secrets: z.array(serviceSecretSchema),
  memory: z.nullable(z.number()),
  memory_swap: z.nullable(z.number()),
  cpu_shares: z.nullable(z.number()),
  volumes: z.array(z.string()),
  volumes_from: z.array(z.string()),
  cap_add: z.array(z.string()),
  cap_drop: z.array(z.string()),
  state: serviceStateSchema,
  grid: z.looseObject({ id: z.string() }),
  stack: z.looseObject({ id: z.string(), name: z.string() }),
  links: z.array(serviceLinkSchema),
  log_driver: z.nullable(z.string()),
  log_opts: z.record(z.string(), z.string()),
  strategy: strategySchema,
  deploy_opts: deployOptsSchema,
  pid: z.nullable(z.literal('host')),
  instance_counts: z.looseObject({ total: z.number(), running: z.number() }),
  hooks: z.array(serviceHookSchema),
  revision: z.number(),
  stack_revision: z.nullable(z.number()),
  health_check: z.optional(healthCheckSchema),
  health_status: z.optional(healthStatusSchema),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceListSchema = z.looseObject({ services: z.array(serviceSchema) });

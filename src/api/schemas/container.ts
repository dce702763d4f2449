import { z } from './zod-mini';
import { timestampSchema } from './common';

export const containerStatusSchema = z.enum(['running', 'stopped', 'paused', 'restarting', 'oom_killed', 'dead', 'deleted']);
export type ContainerStatus = z.infer<typeof containerStatusSchema>;

const containerNodeSchema = z.looseObject({
  id: z.string(),
  connected: z.boolean(),
  last_seen_at: z.nullable(timestampSchema),
  name: z.string(),
  labels: z.array(z.string()),
  public_ip: z.nullable(z.string()),
  private_ip: z.nullable(z.string()),
  node_number: z.number(),
  grid: z.looseObject({ id: z.string(), name: z.string(), initial_size: z.number() }),
});

/** Every key is optional: a container that never ran has `state: {}`. */
const containerStateSchema = z.looseObject({
  error: z.optional(z.string()),
  exit_code: z.optional(z.number()),
  pid: z.optional(z.number()),
  oom_killed: z.optional(z.boolean()),
  paused: z.optional(z.boolean()),
  restarting: z.optional(z.boolean()),
  dead: z.optional(z.boolean()),
  running: z.optional(z.boolean()),
});

/** May be `{}`; every key is optional. */
const networkSettingsSchema = z.looseObject({
  bridge: z.optional(z.string()),
  gateway: z.optional(z.string()),
  ip_address: z.optional(z.string()),
  ip_prefix_len: z.optional(z.number()),
  mac_address: z.optional(z.string()),
  port_mapping: z.optional(z.unknown()),
  ports: z.optional(z.nullable(z.record(z.string(), z.nullable(z.array(z.looseObject({ node_ip: z.string(), node_port: z.number() })))))),
});

/** ContainerJson (docs/kontena-api.md §4.6); `node` is missing when the container has no host node. */
export const containerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  container_id: z.string(),
  grid_id: z.nullable(z.string()),
  node: z.optional(containerNodeSchema),
  service_id: z.nullable(z.string()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  started_at: z.nullable(timestampSchema),
  finished_at: z.nullable(timestampSchema),
  deleted_at: z.nullable(timestampSchema),
  status: containerStatusSchema,
  state: containerStateSchema,
  deploy_rev: z.nullable(z.string()),
  service_rev: z.nullable(z.string()),
  instance_number: z.nullable(z.number()),
  image: z.string(),
  cmd: z.nullable(z.array(z.string())),
  env: z.array(z.string()),
  volumes: z.array(z.unknown()),
  ip_address: z.nullable(z.string()),
  hostname: z.nullable(z.string()),
  domainname: z.nullable(z.string()),
  network_settings: networkSettingsSchema,
  health_status: z.optional(z.looseObject({ status: z.enum(['healthy', 'unhealthy']), updated_at: timestampSchema })),
});
export type Container = z.infer<typeof containerSchema>;

export const containerListSchema = z.looseObject({ containers: z.array(containerSchema) });

/**
 * What the live views (the monitor, the service header, the log chips) read of a
 * container, and all that is validated for them: a poll of 2,000 instances spends most of
 * its main-thread time validating the rest of ContainerJson (node details, network
 * settings, env), and in checking timestamps against the ISO pattern: here they are
 * strings, and the views treat one that does not parse as unknown. Other keys are dropped.
 */
export const containerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  instance_number: z.nullable(z.number()),
  status: containerStatusSchema,
  state: containerStateSchema,
  node: z.optional(
    z.object({
      id: z.string(),
      name: z.string(),
      connected: z.boolean(),
      last_seen_at: z.nullable(z.string()),
      labels: z.array(z.string()),
    }),
  ),
  health_status: z.optional(z.object({ status: z.enum(['healthy', 'unhealthy']), updated_at: z.string() })),
  service_rev: z.nullable(z.string()),
  deploy_rev: z.nullable(z.string()),
  created_at: z.string(),
  started_at: z.nullable(z.string()),
  deleted_at: z.nullable(z.string()),
});
export type ContainerSummary = z.infer<typeof containerSummarySchema>;

export const containerSummaryListSchema = z.object({ containers: z.array(containerSummarySchema) });

import { z } from 'zod';
import { timestampSchema } from './common';

export const containerStatusSchema = z.enum(['running', 'stopped', 'paused', 'restarting', 'oom_killed', 'dead', 'deleted']);
export type ContainerStatus = z.infer<typeof containerStatusSchema>;

export const containerNodeSchema = z.looseObject({
  id: z.string(),
  connected: z.boolean(),
  last_seen_at: timestampSchema.nullable(),
  name: z.string(),
  labels: z.array(z.string()),
  public_ip: z.string().nullable(),
  private_ip: z.string().nullable(),
  node_number: z.number(),
  grid: z.looseObject({ id: z.string(), name: z.string(), initial_size: z.number() }),
});
export type ContainerNode = z.infer<typeof containerNodeSchema>;

/** Every key is optional: a container that never ran has `state: {}`. */
export const containerStateSchema = z.looseObject({
  error: z.string().optional(),
  exit_code: z.number().optional(),
  pid: z.number().optional(),
  oom_killed: z.boolean().optional(),
  paused: z.boolean().optional(),
  restarting: z.boolean().optional(),
  dead: z.boolean().optional(),
  running: z.boolean().optional(),
});
export type ContainerState = z.infer<typeof containerStateSchema>;

/** May be `{}`; every key is optional. */
export const networkSettingsSchema = z.looseObject({
  bridge: z.string().optional(),
  gateway: z.string().optional(),
  ip_address: z.string().optional(),
  ip_prefix_len: z.number().optional(),
  mac_address: z.string().optional(),
  port_mapping: z.unknown().optional(),
  ports: z
    .record(z.string(), z.array(z.looseObject({ node_ip: z.string(), node_port: z.number() })).nullable())
    .nullable()
    .optional(),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

/** ContainerJson (kontena-api.md §4.6); `node` is missing when the container has no host node. */
export const containerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  container_id: z.string(),
  grid_id: z.string().nullable(),
  node: containerNodeSchema.optional(),
  service_id: z.string().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  deleted_at: timestampSchema.nullable(),
  status: containerStatusSchema,
  state: containerStateSchema,
  deploy_rev: z.string().nullable(),
  service_rev: z.string().nullable(),
  instance_number: z.number().nullable(),
  image: z.string(),
  cmd: z.array(z.string()).nullable(),
  env: z.array(z.string()),
  volumes: z.array(z.unknown()),
  ip_address: z.string().nullable(),
  hostname: z.string().nullable(),
  domainname: z.string().nullable(),
  network_settings: networkSettingsSchema,
  health_status: z.looseObject({ status: z.enum(['healthy', 'unhealthy']), updated_at: timestampSchema }).optional(),
});
export type Container = z.infer<typeof containerSchema>;

export const containerListSchema = z.looseObject({ containers: z.array(containerSchema) });

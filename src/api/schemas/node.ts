import { z } from 'zod';
import { timestampSchema } from './common';

const driverSchema = z.looseObject({ name: z.string(), version: z.string().nullable() });
const looseRecord = z.record(z.string(), z.unknown());

/** The latest stats sample of a node; the master drops the key when there is none. */
export const nodeResourceUsageSchema = z.looseObject({
  memory: looseRecord,
  load: looseRecord,
  filesystem: z.array(looseRecord),
  usage: looseRecord,
  cpu: looseRecord,
});
export type NodeResourceUsage = z.infer<typeof nodeResourceUsageSchema>;

/** NodeJson (kontena-api.md §4.13). `id` is the docker engine id; `grid.token` is a secret. */
export const nodeSchema = z.looseObject({
  id: z.string(),
  connected: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  last_seen_at: timestampSchema.nullable(),
  name: z.string().nullable(),
  os: z.string().nullable(),
  engine_root_dir: z.string().nullable(),
  driver: z.string().nullable(),
  network_drivers: z.array(driverSchema),
  volume_drivers: z.array(driverSchema),
  kernel_version: z.string().nullable(),
  labels: z.array(z.string()),
  mem_total: z.number().nullable(),
  mem_limit: z.number().nullable(),
  cpus: z.number().nullable(),
  public_ip: z.string().nullable(),
  private_ip: z.string().nullable(),
  overlay_ip: z.string(),
  agent_version: z.string().nullable(),
  docker_version: z.string().nullable(),
  peer_ips: z.array(z.string()),
  node_number: z.number(),
  initial_member: z.boolean(),
  grid: z.looseObject({
    id: z.string(),
    name: z.string(),
    initial_size: z.number(),
    token: z.string(),
    stats: z.looseObject({ statsd: z.unknown() }),
    logs: z.looseObject({ forwarder: z.string(), opts: looseRecord }).optional(),
    trusted_subnets: z.array(z.string()),
    subnet: z.string(),
    supernet: z.string(),
  }),
  resource_usage: nodeResourceUsageSchema.optional(),
});
export type Node = z.infer<typeof nodeSchema>;

export const nodeListSchema = z.looseObject({ nodes: z.array(nodeSchema) });

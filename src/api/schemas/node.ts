import { z } from './zod-mini';
import { timestampSchema } from './common';

const driverSchema = z.looseObject({ name: z.string(), version: z.nullable(z.string()) });
const looseRecord = z.record(z.string(), z.unknown());

/** The latest stats sample of a node; the master drops the key when there is none. */
const nodeResourceUsageSchema = z.looseObject({
  memory: looseRecord,
  load: looseRecord,
  filesystem: z.array(looseRecord),
  usage: looseRecord,
  cpu: looseRecord,
});

/** NodeJson (docs/kontena-api.md §4.13). `id` is the docker engine id; `grid.token` is a secret. */
export const nodeSchema = z.looseObject({
  id: z.string(),
  connected: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  last_seen_at: z.nullable(timestampSchema),
  name: z.nullable(z.string()),
  os: z.nullable(z.string()),
  engine_root_dir: z.nullable(z.string()),
  driver: z.nullable(z.string()),
  network_drivers: z.array(driverSchema),
  volume_drivers: z.array(driverSchema),
  kernel_version: z.nullable(z.string()),
  labels: z.array(z.string()),
  mem_total: z.nullable(z.number()),
  mem_limit: z.nullable(z.number()),
  cpus: z.nullable(z.number()),
  public_ip: z.nullable(z.string()),
  private_ip: z.nullable(z.string()),
  overlay_ip: z.string(),
  agent_version: z.nullable(z.string()),
  docker_version: z.nullable(z.string()),
  peer_ips: z.array(z.string()),
  node_number: z.number(),
  initial_member: z.boolean(),
  grid: z.looseObject({
    id: z.string(),
    name: z.string(),
    initial_size: z.number(),
    token: z.string(),
    stats: z.looseObject({ statsd: z.unknown() }),
    logs: z.optional(z.looseObject({ forwarder: z.string(), opts: looseRecord })),
    trusted_subnets: z.array(z.string()),
    subnet: z.string(),
    supernet: z.string(),
  }),
  resource_usage: z.optional(nodeResourceUsageSchema),
});
export type Node = z.infer<typeof nodeSchema>;

export const nodeListSchema = z.looseObject({ nodes: z.array(nodeSchema) });

import { z } from './zod-mini';

const gridLogsSchema = z.looseObject({ forwarder: z.string(), opts: z.record(z.string(), z.unknown()) });

/** GridJson (docs/kontena-api.md §4.2). `token` is the agents' join secret: never show it. */
export const gridSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  initial_size: z.number(),
  stats: z.looseObject({
    statsd: z.nullable(z.looseObject({ server: z.string(), port: z.number() })),
  }),
  default_affinity: z.array(z.string()),
  trusted_subnets: z.array(z.string()),
  node_count: z.number(),
  service_count: z.number(),
  container_count: z.number(),
  user_count: z.number(),
  subnet: z.string(),
  supernet: z.string(),
  logs: z.optional(gridLogsSchema),
});
export type Grid = z.infer<typeof gridSchema>;

export const gridListSchema = z.looseObject({ grids: z.array(gridSchema) });

import { z } from './zod-mini';
import { timestampSchema } from './common';

const netSideSchema = z.looseObject({
  interfaces: z.array(z.string()),
  rx_bytes: z.number(),
  rx_bytes_per_second: z.number(),
  tx_bytes: z.number(),
  tx_bytes_per_second: z.number(),
});

/** One row of `GET …/stats` (docs/kontena-api.md §4.7); `container_id` is the container NAME. */
export const statRowSchema = z.looseObject({
  container_id: z.string(),
  cpu: z.nullable(z.looseObject({ usage: z.number(), limit: z.number(), num_cores: z.number() })),
  /** `limit` may be one of Docker's "no limit" sentinels: see lib/format-units.ts `isUnlimitedMemory`. */
  memory: z.nullable(z.looseObject({ usage: z.number(), limit: z.number() })),
  network: z.nullable(z.looseObject({ internal: netSideSchema, external: netSideSchema })),
});
export type StatRow = z.infer<typeof statRowSchema>;

export const statListSchema = z.looseObject({ stats: z.array(statRowSchema) });

export const metricsPointSchema = z.looseObject({
  timestamp: timestampSchema,
  cpu: z.looseObject({ used: z.number(), cores: z.number() }),
  memory: z.looseObject({
    used: z.number(),
    total: z.number(),
    free: z.number(),
    active: z.number(),
    inactive: z.number(),
    cached: z.number(),
    buffers: z.number(),
  }),
  network: z.looseObject({ internal: netSideSchema, external: netSideSchema }),
});
export type MetricsPoint = z.infer<typeof metricsPointSchema>;

/** `GET …/metrics`: one point per minute that has data, ascending. */
export const metricsSchema = z.looseObject({
  from: timestampSchema,
  to: timestampSchema,
  stats: z.array(metricsPointSchema),
});
export type Metrics = z.infer<typeof metricsSchema>;

/** `GET /v1/grids/G/metrics` (docs/kontena-api-grid.md G1.6): the nodes' sums, with `filesystem`. */
export const gridMetricsSchema = z.looseObject({
  from: timestampSchema,
  to: timestampSchema,
  stats: z.array(
    z.looseObject({
      ...metricsPointSchema.shape,
      filesystem: z.looseObject({ used: z.number(), total: z.number() }),
    }),
  ),
});

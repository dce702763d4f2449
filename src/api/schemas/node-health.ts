import { z } from './zod-mini';
import { gridMetricsSchema } from './stats';

/**
 * `GET /v1/nodes/G/N/health` (docs/kontena-api-grid.md G2.5). `etcd_health.error` is set when
 * the agent did not answer within 10 s or failed; `health` is then null.
 */
export const nodeHealthSchema = z.looseObject({
  id: z.string(),
  name: z.nullable(z.string()),
  node_number: z.number(),
  initial_member: z.boolean(),
  connected: z.boolean(),
  etcd_health: z.looseObject({ health: z.unknown(), error: z.nullable(z.string()) }),
});

/** `GET /v1/nodes/G/N/metrics` (G2.5): the grid metrics shape for one node, `filesystem` included. */
export const nodeMetricsSchema = gridMetricsSchema;

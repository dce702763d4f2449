import { z } from './zod-mini';
import { timestampSchema } from './common';

export const deployStateSchema = z.enum(['created', 'ongoing', 'success', 'error']);
export type DeployState = z.infer<typeof deployStateSchema>;

const instanceDeploySchema = z.looseObject({
  instance_number: z.number(),
  node: z.string(),
  state: deployStateSchema,
  error: z.nullable(z.string()),
});

/** DeployJson (docs/kontena-api.md §4.5); `started_at`/`finished_at` are `+00:00` DateTimes. */
export const deploySchema = z.looseObject({
  id: z.string(),
  created_at: timestampSchema,
  started_at: z.nullable(timestampSchema),
  finished_at: z.nullable(timestampSchema),
  service_id: z.string(),
  state: deployStateSchema,
  reason: z.nullable(z.string()),
  instance_count: z.number(),
  instance_deploys: z.array(instanceDeploySchema),
});
export type Deploy = z.infer<typeof deploySchema>;

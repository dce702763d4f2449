import { z } from 'zod';
import { timestampSchema } from './common';

export const deployStateSchema = z.enum(['created', 'ongoing', 'success', 'error']);
export type DeployState = z.infer<typeof deployStateSchema>;

export const instanceDeploySchema = z.looseObject({
  instance_number: z.number(),
  node: z.string(),
  state: deployStateSchema,
  error: z.string().nullable(),
});
export type InstanceDeploy = z.infer<typeof instanceDeploySchema>;

/** DeployJson (kontena-api.md §4.5); `started_at`/`finished_at` are `+00:00` DateTimes. */
export const deploySchema = z.looseObject({
  id: z.string(),
  created_at: timestampSchema,
  started_at: timestampSchema.nullable(),
  finished_at: timestampSchema.nullable(),
  service_id: z.string(),
  state: deployStateSchema,
  reason: z.string().nullable(),
  instance_count: z.number(),
  instance_deploys: z.array(instanceDeploySchema),
});
export type Deploy = z.infer<typeof deploySchema>;

import { z } from './zod-mini';
import { timestampSchema } from './common';
import { deploySchema, deployStateSchema } from './deploy';
import { serviceSchema } from './service';

const stackStateSchema = z.enum(['initialized', 'deploying', 'stopped', 'running', 'partially_running']);

/** StackJson (docs/kontena-api.md §4.14). */
export const stackSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: stackStateSchema,
  created_at: timestampSchema,
  updated_at: z.nullable(timestampSchema),
  stack: z.nullable(z.string()),
  registry: z.nullable(z.string()),
  version: z.nullable(z.string()),
  revision: z.nullable(z.number()),
  expose: z.nullable(z.string()),
  source: z.nullable(z.string()),
  variables: z.nullable(z.record(z.string(), z.unknown())),
  services: z.array(serviceSchema),
});
export type Stack = z.infer<typeof stackSchema>;

export const stackListSchema = z.looseObject({ stacks: z.array(stackSchema) });

/** StackDeployJson (docs/kontena-api-grid.md G3.5): `service_deploys` is empty until the worker links them. */
export const stackDeploySchema = z.looseObject({
  id: z.string(),
  stack_id: z.string(),
  created_at: timestampSchema,
  state: deployStateSchema,
  service_deploys: z.array(deploySchema),
});

import { z } from './zod-mini';
import { timestampSchema } from './common';
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

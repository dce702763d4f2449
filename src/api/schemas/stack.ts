import { z } from 'zod';
import { timestampSchema } from './common';
import { serviceSchema } from './service';

export const stackStateSchema = z.enum(['initialized', 'deploying', 'stopped', 'running', 'partially_running']);
export type StackState = z.infer<typeof stackStateSchema>;

/** StackJson (kontena-api.md §4.14). */
export const stackSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: stackStateSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema.nullable(),
  stack: z.string().nullable(),
  registry: z.string().nullable(),
  version: z.string().nullable(),
  revision: z.number().nullable(),
  expose: z.string().nullable(),
  source: z.string().nullable(),
  variables: z.record(z.string(), z.unknown()).nullable(),
  services: z.array(serviceSchema),
});
export type Stack = z.infer<typeof stackSchema>;

export const stackListSchema = z.looseObject({ stacks: z.array(stackSchema) });

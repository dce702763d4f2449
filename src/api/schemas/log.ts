import { z } from 'zod';
import { idNameSchema, timestampSchema } from './common';

/** LogJson (kontena-api.md §4.11); `id` is the resume cursor (`from`). */
export const logSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  container_id: z.string(),
  service: idNameSchema.optional(),
  stack: idNameSchema.optional(),
  grid: idNameSchema.optional(),
  node: z.looseObject({ name: z.string() }).optional(),
  created_at: timestampSchema,
  type: z.string(),
  data: z.string(),
});
export type Log = z.infer<typeof logSchema>;

export const logListSchema = z.looseObject({ logs: z.array(logSchema) });

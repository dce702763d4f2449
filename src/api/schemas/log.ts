import { z } from './zod-mini';
import { idNameSchema, timestampSchema } from './common';

/** LogJson (docs/kontena-api.md §4.11); `id` is the resume cursor (`from`). */
export const logSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  container_id: z.string(),
  service: z.optional(idNameSchema),
  stack: z.optional(idNameSchema),
  grid: z.optional(idNameSchema),
  node: z.optional(z.looseObject({ name: z.string() })),
  created_at: timestampSchema,
  type: z.string(),
  data: z.string(),
});
export type Log = z.infer<typeof logSchema>;

export const logListSchema = z.looseObject({ logs: z.array(logSchema) });

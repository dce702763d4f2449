import { z } from './zod-mini';
import { timestampSchema } from './common';

/** An item of `GET /v1/grids/G/secrets`: never carries the value. */
export const secretSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Secret = z.infer<typeof secretSchema>;

export const secretListSchema = z.looseObject({ secrets: z.array(secretSchema) });

/** Create/read/update answers: with the value, without `updated_at`. */
export const secretWithValueSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  created_at: timestampSchema,
  value: z.string(),
});
export type SecretWithValue = z.infer<typeof secretWithValueSchema>;

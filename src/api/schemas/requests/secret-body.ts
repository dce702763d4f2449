import { z } from '../zod-mini';
import { filledStringSchema, nameInputSchema } from './rules';

/** `POST /v1/grids/G/secrets` (docs/kontena-api.md §4.9). */
export const secretCreateBodySchema = z.strictObject({ name: nameInputSchema, value: filledStringSchema });
export type SecretCreateBody = z.infer<typeof secretCreateBodySchema>;

/** `PUT /v1/secrets/G/NAME`: a missing secret is created from `name` only with `upsert`, else 404. */
export const secretUpdateBodySchema = z.strictObject({
  value: filledStringSchema,
  upsert: z.optional(z.boolean()),
  name: z.optional(nameInputSchema),
});
export type SecretUpdateBody = z.infer<typeof secretUpdateBodySchema>;

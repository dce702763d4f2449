import { z } from '../zod-mini';
import { filledStringSchema } from './rules';

/**
 * `POST /oauth2/token` as JSON (docs/kontena-api.md §2.2): a one-time code, or a refresh token
 * (`client_id`/`client_secret` are ignored by the master and not sent).
 */
export const tokenRequestBodySchema = z.discriminatedUnion('grant_type', [
  z.strictObject({ grant_type: z.literal('authorization_code'), code: filledStringSchema }),
  z.strictObject({ grant_type: z.literal('refresh_token'), refresh_token: filledStringSchema }),
]);
export type TokenRequestBody = z.infer<typeof tokenRequestBodySchema>;

/**
 * `POST /oauth2/authorize`, as `kontena master token create [--code] [-e SECONDS]` sends
 * it: `expires_in` a string of seconds, 0 for a token that never expires.
 */
export const authorizeBodySchema = z.strictObject({
  response_type: z.enum(['token', 'code']),
  scope: filledStringSchema,
  expires_in: z.optional(z.union([z.int(), z.string().check(z.regex(/^\d+$/))])),
});
export type AuthorizeBody = z.infer<typeof authorizeBodySchema>;

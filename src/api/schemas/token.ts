import { z } from './zod-mini';

// `name` is null for a user invited by email only (docs/kontena-api-grid.md G6.2).
const tokenUserSchema = z.looseObject({ id: z.string(), email: z.string(), name: z.nullable(z.string()) });

/** `views/v1/access_tokens/_access_token` for an access token (docs/kontena-api.md §2.2). */
export const tokenSchema = z.looseObject({
  id: z.string(),
  token_type: z.literal('bearer'),
  access_token: z.nullable(z.string()),
  refresh_token: z.nullable(z.string()),
  access_token_last_four: z.string(),
  refresh_token_last_four: z.nullable(z.string()),
  expires_in: z.nullable(z.number()),
  scopes: z.string(),
  user: tokenUserSchema,
  server: z.looseObject({ name: z.nullable(z.string()) }),
});
export type TokenJson = z.infer<typeof tokenSchema>;

/** The same view for an authorization *code* record (`response_type: "code"`). */
export const tokenCodeSchema = z.looseObject({
  id: z.string(),
  grant_type: z.literal('authorization_code'),
  code: z.string(),
  scopes: z.string(),
  user: tokenUserSchema,
  server: z.looseObject({ name: z.nullable(z.string()) }),
});

export const tokenListSchema = z.looseObject({ tokens: z.array(tokenSchema) });

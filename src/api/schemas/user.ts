import { z } from './zod-mini';

/** `GET /v1/user` (docs/kontena-api.md §4.1). */
export const userSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.looseObject({ name: z.string(), description: z.nullable(z.string()) })),
});
export type User = z.infer<typeof userSchema>;

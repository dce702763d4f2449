import { z } from './zod-mini';

/** `GET /v1/user` (docs/kontena-api.md §4.1). */
export const userSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  roles: z.array(z.looseObject({ name: z.string(), description: z.nullable(z.string()) })),
});
export type User = z.infer<typeof userSchema>;

/** `GET /v1/users` and a grid's members `GET|POST|DELETE /v1/grids/G/users` (docs/kontena-api-grid.md G6.2, G6.3). */
export const userListSchema = z.looseObject({ users: z.array(userSchema) });

/** UserJson (docs/kontena-api-grid.md G6.1), keys in the server's order. */
import type { UserRecord } from '../model/types';

interface UserJson {
  id: string;
  email: string;
  name: string | null;
  roles: { name: string; description: string }[];
}

export function userJson(user: UserRecord): UserJson {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles.map((r) => ({ name: r.name, description: r.description })),
  };
}

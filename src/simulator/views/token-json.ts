/** TokenJson (docs/kontena-api.md §2.2): plaintext values only at creation. */
import type { TokenRecord } from '../model/types';

interface TokenJson {
  id: string;
  token_type?: 'bearer';
  access_token?: string | null;
  refresh_token?: string | null;
  access_token_last_four?: string | null;
  refresh_token_last_four?: string | null;
  expires_in?: number | null;
  grant_type?: 'authorization_code';
  code?: string;
  scopes: string;
  user: { id: string; email: string; name: string | null };
  server: { name: string | null };
}

const SERVER_NAME = 'kontena-simulated-master';

export function tokenJson(t: TokenRecord, nowMs: number, withPlaintext: boolean): TokenJson {
  const user = { id: t.user.id, email: t.user.email, name: t.user.name };
  const server = { name: SERVER_NAME };
  if (t.code !== null) {
    return { id: t.id, grant_type: 'authorization_code', code: t.code, scopes: t.scopes.join(','), user, server };
  }
  return {
    id: t.id,
    token_type: 'bearer',
    access_token: withPlaintext ? t.accessToken : null,
    refresh_token: withPlaintext ? t.refreshToken : null,
    access_token_last_four: t.accessToken === null ? null : t.accessToken.slice(-4),
    refresh_token_last_four: t.refreshToken === null ? null : t.refreshToken.slice(-4),
    expires_in: t.expiresAt === null ? null : Math.floor((t.expiresAt - nowMs) / 1000),
    scopes: t.scopes.join(','),
    user,
    server,
  };
}

/**
 * The TokenAuthentication middleware (docs/kontena-api.md §2.1): 403 (never 401) with the
 * invalid_token bodies and a WWW-Authenticate header, before any routing.
 */
import type { Store } from './model/store';
import type { TokenRecord, UserRecord } from './model/types';

export interface AuthInfo {
  user: UserRecord;
  token: TokenRecord;
}

const EXEMPT = new Set(['/', '/v1/ping', '/v1/auth', '/cb', '/code', '/oauth2/token']);

function softAuth(path: string): boolean {
  return path === '/oauth2/authorize' || path === '/authenticate' || path.startsWith('/v1/nodes/');
}

function forbidden(description: 'Invalid token' | 'Token expired'): Response {
  const body = JSON.stringify({ error: 'invalid_token', error_description: description });
  // The real header folds over three lines ("…,\n    error=…"); a Fetch Headers value
  // cannot hold a line break, so the folds arrive unfolded as a client would read them.
  const challenge = `Bearer realm="kontena_master", error="invalid_token", error_description="${description}"`;
  return new Response(body, {
    status: 403,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': String(new TextEncoder().encode(body).length),
      'WWW-Authenticate': challenge,
    },
  });
}

type AuthOutcome = { ok: true; auth: AuthInfo | null } | { ok: false; response: Response };

/** The token of a `Bearer <token>` header; '' for any other scheme. */
function bearerToken(header: string): string {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return m?.[1] ?? '';
}

export function authenticate(request: Request, path: string, store: Store): AuthOutcome {
  if (EXEMPT.has(path)) return { ok: true, auth: null };
  const soft = softAuth(path);
  const header = request.headers.get('Authorization');
  if (header === null) return soft ? { ok: true, auth: null } : { ok: false, response: forbidden('Invalid token') };
  const plain = bearerToken(header);
  const record = plain ? store.byAccessToken.get(plain) : undefined;
  if (!record) return { ok: false, response: forbidden('Invalid token') };
  const now = store.now();
  if (record.expiresAt !== null && record.expiresAt <= now && path !== '/authenticate') {
    return { ok: false, response: forbidden('Token expired') };
  }
  record.updatedAt = now;
  return { ok: true, auth: { user: record.user, token: record } };
}

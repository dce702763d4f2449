/**
 * Signing in: a one-time code from `kontena master token create --code` exchanged at
 * /oauth2/token, or a pasted access token checked with GET /v1/user (docs/kontena-api.md §2).
 */
import { apiRequest, clientNow } from './client';
import type { RequestOptions } from './client';
import { ApiError, isApiError } from './errors';
import { tokenCodeSchema, tokenSchema } from './schemas/token';
import type { AuthorizeBody, TokenRequestBody } from './schemas/requests/token-body';
import { userSchema } from './schemas/user';
import type { User } from './schemas/user';
import { registerSecret } from './redact';
import { sessionFromToken, setSession } from './session';
import type { Session } from './session';

/** Codes are 12 hex characters; accept a little more in case the master changes it. */
const CODE_FORMAT = /^[0-9a-f]{6,128}$/i;
const ACCESS_TOKEN_FORMAT = /^[0-9a-f]{64}$/i;

function invalidInput(field: string, message: string): ApiError {
  return new ApiError({ kind: 'validation', message, fieldErrors: { [field]: message } });
}

/**
 * Exchanges a one-time code for a session and stores it. `notAfter`: a code for a link
 * (sign-in links, tab hand-off) must not be older than its life. The master exchanges a
 * code whose time is up all the same (the token keeps the code's expiry, docs/kontena-api.md
 * §2.2, and refreshes even when expired), so the client refuses such a token itself.
 */
export async function exchangeCode(code: string, remember = false, notAfter?: 'code-expiry'): Promise<Session> {
  const trimmed = code.trim();
  if (trimmed === '') throw invalidInput('code', 'Enter the code that `kontena master token create --code` printed.');
  if (!CODE_FORMAT.test(trimmed)) {
    throw invalidInput(
      'code',
      'That is not a sign-in code: a code is a short string of hexadecimal characters (0-9, a-f), such as 3f9a1c0b7d2e.',
    );
  }
  const body: TokenRequestBody = { grant_type: 'authorization_code', code: trimmed };
  const token = await apiRequest(tokenSchema, '/oauth2/token', {
    method: 'POST',
    body,
    auth: 'none',
    sensitive: true,
  }).catch((e: unknown) => {
    if (isApiError(e) && e.kind === 'notFound') {
      throw new ApiError({
        kind: 'auth',
        status: e.status,
        endpoint: e.endpoint,
        message: 'The master does not know this code, or it was already used. Create a new one with `kontena master token create --code`.',
      });
    }
    throw e;
  });
  const accessToken = token.access_token;
  if (accessToken === null) {
    throw new ApiError({
      kind: 'badResponse',
      endpoint: 'POST /oauth2/token',
      message: 'The master accepted the code but sent no access token.',
    });
  }
  registerSecret(accessToken);
  registerSecret(token.refresh_token);
  if (notAfter === 'code-expiry' && token.expires_in !== null && token.expires_in <= 0) {
    throw new CodeExpiredError(clientNow() + token.expires_in * 1000);
  }
  const session = sessionFromToken({ ...token, access_token: accessToken }, remember, clientNow());
  setSession(session);
  return session;
}

/** A code whose life was over when it was exchanged: `expiredAt` says when it ended (client clock). */
export class CodeExpiredError extends Error {
  constructor(readonly expiredAt: number) {
    super('The code has expired.');
    this.name = 'CodeExpiredError';
  }
}

/** A one-time code that signs a browser in as this session's user, minted as `kontena master token create --code -e N` does. */
export interface SignInCode {
  code: string;
  /** ms epoch (client clock): after this the code no longer signs in. */
  expiresAt: number;
}

/**
 * Mints a one-time code through the master's own API (`POST /oauth2/authorize`,
 * docs/kontena-api.md §2.2): used once, good for `lifeSeconds`. The token it is exchanged for
 * expires with the code and has a refresh token, so the browser that took it renews it.
 */
export async function createSignInCode(lifeSeconds: number): Promise<SignInCode> {
  const body: AuthorizeBody = { response_type: 'code', scope: 'user', expires_in: String(lifeSeconds) };
  const minted = await apiRequest(tokenCodeSchema, '/oauth2/authorize', { method: 'POST', body, sensitive: true });
  registerSecret(minted.code);
  return { code: minted.code, expiresAt: clientNow() + lifeSeconds * 1000 };
}

/** Checks a pasted access token against the master and stores it as the session. */
export async function signInWithToken(token: string, remember: boolean): Promise<Session> {
  const trimmed = token.trim();
  if (trimmed === '') throw invalidInput('token', 'Enter an access token.');
  if (!ACCESS_TOKEN_FORMAT.test(trimmed)) {
    throw invalidInput('token', 'That is not an access token: a token is 64 hexadecimal characters (0-9, a-f).');
  }
  let user: User;
  try {
    user = await apiRequest(userSchema, '/v1/user', { auth: { token: trimmed } });
  } catch (e) {
    if (isApiError(e) && e.kind === 'auth') {
      throw new ApiError({
        kind: 'auth',
        status: e.status,
        endpoint: e.endpoint,
        message: 'The master does not accept this token (it is unknown, revoked or expired).',
      });
    }
    throw e;
  }
  // A pasted token's expiry is not known without putting it in a URL; the master says when it ends.
  const session: Session = {
    accessToken: trimmed,
    refreshToken: null,
    expiresAt: null,
    user: { id: user.id, email: user.email, name: user.name ?? user.email },
    remember,
  };
  setSession(session);
  return session;
}

/** Forgets the session in this browser. The token itself stays valid on the master. */
export function signOut(): void {
  setSession(null);
}

export function getUser(options?: RequestOptions): Promise<User> {
  return apiRequest(userSchema, '/v1/user', { signal: options?.signal });
}

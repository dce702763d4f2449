/**
 * Signing in: a one-time code from `kontena master token create --code` exchanged at
 * /oauth2/token, or a pasted access token checked with GET /v1/user (kontena-api.md §2).
 */
import { apiRequest, clientNow } from './client';
import type { RequestOptions } from './client';
import { ApiError, isApiError } from './errors';
import { tokenSchema } from './schemas/token';
import { userSchema } from './schemas/user';
import type { User } from './schemas/user';
import { sessionFromToken, setSession } from './session';
import type { Session } from './session';

/** Codes are 12 hex characters; accept a little more in case the master changes it. */
const CODE_FORMAT = /^[0-9a-f]{6,128}$/i;
const ACCESS_TOKEN_FORMAT = /^[0-9a-f]{64}$/i;

function invalidInput(field: string, message: string): ApiError {
  return new ApiError({ kind: 'validation', message, fieldErrors: { [field]: message } });
}

/** Exchanges a one-time code for a session and stores it. */
export async function exchangeCode(code: string, remember = false): Promise<Session> {
  const trimmed = code.trim();
  if (trimmed === '') throw invalidInput('code', 'Enter the code that `kontena master token create --code` printed.');
  if (!CODE_FORMAT.test(trimmed)) {
    throw invalidInput('code', 'That is not a sign-in code: a code is a short string of hexadecimal characters (0-9, a-f), such as 3f9a1c0b7d2e.');
  }
  const token = await apiRequest(tokenSchema, '/oauth2/token', {
    method: 'POST',
    body: { grant_type: 'authorization_code', code: trimmed },
    auth: 'none',
    sensitive: true,
  }).catch((e: unknown) => {
    if (isApiError(e) && e.kind === 'notFound') {
      throw new ApiError({ kind: 'auth', status: e.status, endpoint: e.endpoint, message: 'The master does not know this code, or it was already used. Create a new one with `kontena master token create --code`.' });
    }
    throw e;
  });
  const accessToken = token.access_token;
  if (accessToken === null) {
    throw new ApiError({ kind: 'badResponse', endpoint: 'POST /oauth2/token', message: 'The master accepted the code but sent no access token.' });
  }
  const session = sessionFromToken({ ...token, access_token: accessToken }, remember, clientNow());
  setSession(session);
  return session;
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
      throw new ApiError({ kind: 'auth', status: e.status, endpoint: e.endpoint, message: 'The master does not accept this token (it is unknown, revoked or expired).' });
    }
    throw e;
  }
  // A pasted token's expiry is not known without putting it in a URL; the master says when it ends.
  const session: Session = {
    accessToken: trimmed,
    refreshToken: null,
    expiresAt: null,
    user: { id: user.id, email: user.email, name: user.name },
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

/**
 * Where to go after signing in. Only paths inside this app are followed: "//host" or
 * "https://…" in `next` would turn the sign-in page into an open redirect.
 */
import type { SessionEndReason } from '../../api/session-end';

const SIGN_IN_PATH = '/sign-in';

/**
 * Why the sign-in page is shown: a session that ended (expired; `ended`: the token was
 * revoked or is unknown; the master restarted and forgot it; ended in another tab), or a
 * sign-in link that did not sign in.
 */
export type SignInReason = 'expired' | 'ended' | 'restarted' | 'elsewhere' | 'link-used' | 'link-expired' | 'link-failed';

const REASONS: readonly SignInReason[] = ['expired', 'ended', 'restarted', 'elsewhere', 'link-used', 'link-expired', 'link-failed'];

/** The sign-in page's word for why a session ended (api/session-end). */
export function sessionEndSignInReason(reason: SessionEndReason): SignInReason {
  return reason === 'revoked' ? 'ended' : reason;
}

export function safeNextPath(raw: string | null): string | null {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  if (raw === SIGN_IN_PATH || raw.startsWith(`${SIGN_IN_PATH}?`) || raw.startsWith(`${SIGN_IN_PATH}/`)) return null;
  return raw;
}

/** "/sign-in?next=…" for coming back to `next` after signing in; `reason` says why the session ended. */
export function signInPath(next: string, reason?: SignInReason): string {
  const params = new URLSearchParams();
  const safe = safeNextPath(next);
  if (safe !== null && safe !== '/') params.set('next', safe);
  if (reason !== undefined) params.set('reason', reason);
  const query = params.toString();
  return query === '' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?${query}`;
}

export function parseSignInReason(raw: string | null): SignInReason | null {
  return REASONS.find((reason) => reason === raw) ?? null;
}

/**
 * How a page load finds its session before the app renders, besides what storage holds:
 * - a sign-in link (`#sign-in=<one-time code>`, made by the wall builder for a screen on
 *   another machine) is taken out of the address bar at once, exchanged, and kept as
 *   "remember on this device" keeps a session;
 * - without a session, another tab of this browser is asked for one (api/session-handoff),
 *   so a link opened in a new tab ("Open the wall") needs no second sign-in.
 * What went wrong with a link is kept for the sign-in page to say (linkSignInReason).
 */
import { CodeExpiredError, exchangeCode } from '../api/auth';
import { isApiError } from '../api/errors';
import { askOtherTabsForSession } from '../api/session-handoff';
import { getSession } from '../api/session';
import type { SignInReason } from '../features/auth/next-path';

const SIGN_IN_LINK_KEY = 'sign-in';

/** Tries of a link's exchange while the master does not answer (the link is gone from the address bar). */
const LINK_TRIES = 3;

let linkProblem: SignInReason | null = null;

/** Why the sign-in link this page was opened with did not sign it in, if it did not. */
export function linkSignInReason(): SignInReason | null {
  return linkProblem;
}

/** Tests start from a clean page. */
export function resetLinkSignInForTests(): void {
  linkProblem = null;
}

interface PageLocation {
  hash: string;
  pathname: string;
  search: string;
}

interface PageHistory {
  replaceState(data: unknown, unused: string, url?: string | null): void;
  readonly state: unknown;
}

/** The code of a sign-in link, taken out of the address bar (never kept in history, never sent on). */
export function takeSignInCode(location: PageLocation = globalThis.location, history: PageHistory = globalThis.history): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const code = params.get(SIGN_IN_LINK_KEY);
  if (code === null) return null;
  params.delete(SIGN_IN_LINK_KEY);
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
  return code;
}

async function signInWithLinkCode(code: string, wait: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await exchangeCode(code, true, 'code-expiry');
      linkProblem = null;
      return;
    } catch (error) {
      if (error instanceof CodeExpiredError) linkProblem = 'link-expired';
      else if (isApiError(error) && (error.kind === 'auth' || error.kind === 'notFound' || error.kind === 'validation'))
        linkProblem = 'link-used';
      else if (attempt < LINK_TRIES) {
        await wait(1000 * 2 ** attempt);
        continue;
      } else linkProblem = 'link-failed';
      return;
    }
  }
}

interface BootSessionOptions {
  /** Says what the page is doing while it waits (main.tsx writes it into #root). */
  onProgress?: (text: string) => void;
  wait?: (ms: number) => Promise<void>;
}

/** Runs once per page load, before the first render. */
export async function establishSession(options: BootSessionOptions = {}): Promise<void> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const code = takeSignInCode();
  if (code !== null) {
    options.onProgress?.('Signing in with the sign-in link…');
    await signInWithLinkCode(code, wait);
    return;
  }
  if (getSession() === null && globalThis.location.pathname !== '/sign-in') await askOtherTabsForSession();
}

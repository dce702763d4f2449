import { Suspense, lazy, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { onAuthFailure } from '../api/session';
import { linkSignInReason } from './boot-session';
import { signInPath } from '../features/auth/next-path';
import type { SignInReason } from '../features/auth/next-path';
import { useSession } from '../components/use-session';

// Loaded only when a wall screen loses its session: nothing of it in the first route.
const WallSessionEnded = lazy(async () => ({ default: (await import('../features/wall/wall-session-ended')).WallSessionEnded }));

/** The wall screen's path: it runs unattended, so losing its session is shown, not redirected. */
const WALL_PATH = '/wall';

/**
 * Signed-in pages only. Without a session: /sign-in?next=<this page>, and back here
 * after signing in. When the master stops accepting the token (api/session
 * onAuthFailure, after any refresh failed) the same happens, with the reason shown —
 * except on the wall screen, which shows a full-screen "signed out" message instead:
 * nobody stands in front of it, and a quiet sign-in form would pass for a quiet wall.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  // A sign-in link this page was opened with that did not sign in: the sign-in page says why.
  const [reason, setReason] = useState<SignInReason | undefined>(() => linkSignInReason() ?? undefined);
  // Whether this page had a session: only a session that ended here gets the wall message.
  const [hadSession, setHadSession] = useState(session !== null);
  if (session !== null && !hadSession) setHadSession(true);

  useEffect(
    () =>
      onAuthFailure((description) => {
        // "Not signed in" comes from requests made with no session at all: nothing ended.
        if (description === 'Not signed in') return;
        setReason(description === 'Token expired' ? 'expired' : 'ended');
      }),
    [],
  );

  if (session === null) {
    const next = signInPath(`${location.pathname}${location.search}${location.hash}`, reason);
    if (hadSession && location.pathname === WALL_PATH) {
      return (
        <Suspense fallback={<p role="alert">This wall screen is signed out.</p>}>
          <WallSessionEnded reason={reason === 'expired' || reason === 'ended' ? reason : undefined} signInHref={next} />
        </Suspense>
      );
    }
    return <Navigate to={next} replace />;
  }
  return <Outlet />;
}

import { Suspense, lazy, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { linkSignInReason } from './boot-session';
import { sessionEndSignInReason, signInPath } from '../features/auth/next-path';
import { useSession } from '../components/use-session';
import { useSessionEnd } from '../components/use-session-end';
import type { SignInReason } from '../features/auth/next-path';
import type { WallSignedOutReason } from '../features/wall/wall-session-ended';

/** The reasons a wall screen words itself; a sign-in link's trouble is the sign-in page's to say. */
function wallReason(reason: SignInReason | undefined): WallSignedOutReason | undefined {
  switch (reason) {
    case 'expired':
    case 'ended':
    case 'restarted':
    case 'elsewhere':
      return reason;
    default:
      return undefined;
  }
}

// Loaded only when a wall screen loses its session: nothing of it in the first route.
const WallSessionEnded = lazy(async () => ({ default: (await import('../features/wall/wall-session-ended')).WallSessionEnded }));

/** The wall screen's path: it runs unattended, so losing its session is shown, not redirected. */
const WALL_PATH = '/wall';

/**
 * Signed-in pages only. Without a session: /sign-in?next=<this page>, and back here
 * after signing in. When the master stops accepting the token (after any refresh
 * failed), here or in another tab that shared the session, the same happens with the
 * reason shown (api/session-end: expired, revoked, the master restarted, another tab) —
 * except on the wall screen, which shows a full-screen "signed out" message instead:
 * nobody stands in front of it, and a quiet sign-in form would pass for a quiet wall.
 */
export function RequireSession() {
  const session = useSession();
  const ended = useSessionEnd();
  const location = useLocation();
  // Whether this page had a session: only a session that ended here gets the wall message.
  const [hadSession, setHadSession] = useState(session !== null);
  if (session !== null && !hadSession) setHadSession(true);
  // A sign-in link this page was opened with that did not sign in: the sign-in page says
  // why, unless a session this page had ended since (which is then the news).
  const [linkReason] = useState(linkSignInReason);
  const endReason = ended === null ? undefined : sessionEndSignInReason(ended.reason);
  const reason = hadSession ? endReason : (linkReason ?? endReason);

  if (session === null) {
    const next = signInPath(`${location.pathname}${location.search}${location.hash}`, reason);
    if (hadSession && location.pathname === WALL_PATH) {
      return (
        <Suspense fallback={<p role="alert">This wall screen is signed out.</p>}>
          <WallSessionEnded reason={wallReason(reason)} signInHref={next} />
        </Suspense>
      );
    }
    return <Navigate to={next} replace />;
  }
  return <Outlet />;
}

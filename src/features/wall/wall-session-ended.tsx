import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { formatHourMinute } from './clock-time';
import { parseWallConfig } from './wall-config';
import { useWallTheme } from './use-wall-theme';
import styles from './wall-session-ended.module.css';

export type WallSignedOutReason = 'expired' | 'ended' | 'restarted' | 'elsewhere';

const WHY: Record<WallSignedOutReason, string> = {
  expired: 'Its access token expired and could not be refreshed.',
  ended: 'The Kontena Master no longer accepts its access token: it was revoked, or the session ended.',
  restarted: 'The Kontena Master restarted and no longer knows its access token.',
  elsewhere: 'It was signed out in another tab of this browser.',
};

interface WallSessionEndedProps {
  /** Why the session ended, when it is known (api/session-end). */
  reason: WallSignedOutReason | undefined;
  /** The sign-in page, coming back to this wall afterwards. */
  signInHref: string;
}

/**
 * What a wall screen shows when the master stops accepting its token (revoked, expired,
 * signed out elsewhere): a whole-screen message readable from across the room, never a
 * sign-in form that would pass for a working, quiet wall.
 */
export function WallSessionEnded({ reason, signInHref }: WallSessionEndedProps) {
  const location = useLocation();
  const { config } = parseWallConfig(new URLSearchParams(location.search));
  useWallTheme(config.theme);
  const [stoppedAt] = useState(() => Date.now());

  return (
    <main className={styles.screen}>
      <title>Wall signed out · Kontena</title>
      <div className={styles.panel} role="alert">
        <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.5 15 14.5H1z" fill="currentColor" />
        </svg>
        <h1 className={styles.title}>This wall screen is signed out</h1>
        <p className={styles.text}>
          {WHY[reason ?? 'ended']} The services below stopped updating at {formatHourMinute(stoppedAt)}, so nothing is shown rather than old
          data.
        </p>
        <p className={styles.text}>
          To bring it back, make a sign-in link on a signed-in dashboard (Wall → “Sign in a screen on another machine”) and open it here; or
          create a token that does not expire where the Kontena CLI is set up,{' '}
          <code className={styles.command}>kontena master token create --expires-in 0</code>, then sign in on this screen with it and tick
          “Remember on this device”.
        </p>
        <Link to={signInHref} className={styles.action}>
          Sign in again
        </Link>
      </div>
    </main>
  );
}

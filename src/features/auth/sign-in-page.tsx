import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Banner } from '../../components/banner';
import { KontenaWordmark } from '../../components/kontena-wordmark';
import { useSession } from '../../components/use-session';
import { useSessionEnd } from '../../components/use-session-end';
import { parseSignInReason, safeNextPath, sessionEndSignInReason } from './next-path';
import type { SignInReason } from './next-path';
import { SignInForm } from './sign-in-form';
import styles from './sign-in-page.module.css';

const reasonTitle: Record<SignInReason, string> = {
  expired: 'Signed out: the session expired',
  ended: 'Signed out: the sign-in was revoked',
  restarted: 'Signed out: the master restarted',
  elsewhere: 'Signed out in another tab',
  'link-used': 'This sign-in link has been used',
  'link-expired': 'This sign-in link has expired',
  'link-failed': 'This sign-in link could not be used',
};

const reasonText: Record<SignInReason, string> = {
  expired: 'Your session has expired and could not be renewed. Sign in again to go back to where you were.',
  ended: 'The master no longer accepts your sign-in (the token was revoked or is unknown). Sign in again to go back to where you were.',
  restarted:
    'The Kontena Master could not be reached for a moment, and since it is back it no longer knows your sign-in: it restarted and forgot its tokens. Sign in again to go back to where you were.',
  elsewhere:
    'The session this tab shared with the other tabs of this browser was ended in another tab. Sign in again to go back to where you were.',
  'link-used':
    'A sign-in link signs in one screen, once, and this one was used already (or the master does not know it). Make a new one on a signed-in dashboard: Wall → “Sign in a screen on another machine”, or sign in below.',
  'link-expired':
    'A sign-in link works for 15 minutes after it is made, and this one is older. Make a new one on a signed-in dashboard: Wall → “Sign in a screen on another machine”, or sign in below.',
  'link-failed':
    'The Kontena Master did not answer when this page tried to use its sign-in link. When the master is back, open the link again, or sign in below.',
};

/** /sign-in?next=/path&reason=expired — after signing in, the user goes back to `next`. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const next = safeNextPath(params.get('next')) ?? '/';
  // This tab's own record of why it was signed out is the freshest (another tab's reason
  // may arrive after this page opened); a sign-in link's problem comes from the address.
  const ended = useSessionEnd();
  const asked = parseSignInReason(params.get('reason'));
  const reason = ended !== null && (asked === null || !asked.startsWith('link-')) ? sessionEndSignInReason(ended.reason) : asked;
  const aboutSession = reason === 'expired' || reason === 'ended' || reason === 'restarted' || reason === 'elsewhere';

  return (
    <div className={styles.page}>
      <title>Sign in · Kontena</title>
      <main className={styles.main} id="main" tabIndex={-1}>
        <div className={styles.brand}>
          <KontenaWordmark />
        </div>
        <div className={styles.card}>
          <h1 className={styles.title}>Sign in</h1>
          <p className={styles.lead}>to the Kontena Master behind this dashboard.</p>

          {__KONTENA_SIMULATED__ && session === null && (
            <Banner tone="info" title="Simulated master" className={styles.notice}>
              This dashboard runs a simulated Kontena Master in your browser and signs you in by itself. Reload the page to be signed in
              again.
            </Banner>
          )}
          {reason !== null && session === null && (
            <Banner tone="warn" title={reasonTitle[reason]} className={styles.notice}>
              <p>{reasonText[reason]}</p>
              {aboutSession && <p>What you typed in a form and did not save is kept in this tab: the page offers it back.</p>}
            </Banner>
          )}
          {session !== null && (
            <Banner tone="info" title={`Signed in${session.user ? ` as ${session.user.email}` : ''}`} className={styles.notice}>
              <Link to={next}>Continue to the dashboard</Link>, or sign in below with another code or token.
            </Banner>
          )}

          <SignInForm
            onSignedIn={() => {
              // Another user may have signed in: no answer cached for the last one may show.
              // The deploys this tab follows (the mutation cache, api/deploys-in-flight) stay,
              // as they did before they lived there: after a session ended, the user signs in
              // again and goes on watching them (Sign out in the user menu forgets them).
              queryClient.getQueryCache().clear();
              void navigate(next, { replace: true });
            }}
          />
        </div>
        <p className={styles.footnote}>
          The token stays in this browser tab and is forgotten when the tab closes, unless you ask to be remembered on this device.
        </p>
      </main>
    </div>
  );
}

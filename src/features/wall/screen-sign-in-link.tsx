import { useId, useState } from 'react';
import { createSignInCode } from '../../api/auth';
import type { SignInCode } from '../../api/auth';
import { clientNow } from '../../api/client';
import { Button } from '../../components/button';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';
import { useNow } from '../../components/use-now';
import { useSession } from '../../components/use-session';
import { formatHourMinute } from './clock-time';
import styles from './screen-sign-in-link.module.css';

/** A link is good this long: enough to carry it to the screen, short enough to be harmless when it lies around. */
const SIGN_IN_LINK_LIFE_S = 15 * 60;

/** The wall URL with a one-time code after `#`: the fragment is never sent to a server or in a Referer. */
function signInLink(wallUrl: string, code: string): string {
  return `${wallUrl}#sign-in=${encodeURIComponent(code)}`;
}

/**
 * The wall builder's way to sign in a screen on another machine without anyone copying
 * a token by hand: a one-time code minted through the master's API, in a link to this
 * wall. The screen exchanges it, keeps the session as "remember on this device" does and
 * takes the code out of its address bar.
 */
export function ScreenSignInLink({ wallUrl }: { wallUrl: string }) {
  const session = useSession();
  const ids = { link: useId(), note: useId() };
  const [minted, setMinted] = useState<SignInCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { outcome: copied, copy, clear: clearCopied } = useCopyToClipboard();
  // The code's expiry is on the api client's clock.
  const now = useNow(1000, minted !== null, clientNow);
  const expired = minted !== null && now >= minted.expiresAt;
  const link = minted === null ? '' : signInLink(wallUrl, minted.code);
  const who = session?.user?.email ?? 'you';

  const make = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    clearCopied();
    try {
      setMinted(await createSignInCode(SIGN_IN_LINK_LIFE_S));
    } catch (error) {
      setProblem(`No link was made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={`${ids.link}-title`}>
      <h2 id={`${ids.link}-title`} className={styles.title}>
        Sign in a screen on another machine
      </h2>
      <p className={styles.text}>
        Make a link, open it on the screen: it signs in as <strong>{who}</strong> once, stays signed in on that browser and renews its token
        by itself. The link works once, for 15 minutes.{' '}
        {__KONTENA_SIMULATED__ && 'In the simulated demo the master lives in this browser: a link works in this browser only.'}
      </p>
      {minted === null || expired ? (
        <div className={styles.row}>
          <Button onClick={() => void make()} disabled={busy} aria-busy={busy}>
            {busy ? 'Making a link…' : expired ? 'Make a new sign-in link' : 'Make a sign-in link'}
          </Button>
          {expired && (
            <span className={styles.note}>The last link expired at {formatHourMinute(minted.expiresAt)} unless it was used.</span>
          )}
        </div>
      ) : (
        <>
          <label htmlFor={ids.link} className={styles.label}>
            Sign-in link
          </label>
          <div className={styles.row}>
            <input
              id={ids.link}
              className={styles.link}
              readOnly
              value={link}
              aria-describedby={ids.note}
              onFocus={(e) => e.target.select()}
            />
            <Button onClick={() => void copy(link)}>Copy</Button>
            <Button variant="ghost" onClick={() => void make()} disabled={busy}>
              Make another
            </Button>
          </div>
          <p id={ids.note} className={styles.note}>
            Works once, until {formatHourMinute(minted.expiresAt)}. Anyone who opens it first is signed in as {who}: send it only to the
            screen.
          </p>
        </>
      )}
      <p className={styles.status} role="status">
        {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'The browser did not allow copying: select the link and copy it.' : ''}
      </p>
      {problem !== null && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

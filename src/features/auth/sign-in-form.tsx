import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Tabs } from 'radix-ui';
import { exchangeCode, signInWithToken } from '../../api/auth';
import { isApiError } from '../../api/errors';
import type { Session } from '../../api/session';
import { Banner } from '../../components/banner';
import { Button } from '../../components/button';
import { Spinner } from '../../components/spinner';
import { cleanCredential, codeProblem, tokenProblem } from './credential-format';
import { describeSignInError } from './sign-in-error';
import type { SignInMethod } from './sign-in-error';
import styles from './sign-in-form.module.css';

interface SignInFormProps {
  onSignedIn: (session: Session) => void;
}

/** The field error the api layer gives for its own format check, if it is about `field`. */
function fieldMessage(error: unknown, field: string): string | null {
  if (!isApiError(error) || error.kind !== 'validation' || error.status !== null) return null;
  const value = error.fieldErrors?.[field];
  return typeof value === 'string' ? value : error.message;
}

/**
 * Two ways in: a one-time code (exchanged at /oauth2/token) or a pasted access token.
 * What the user typed survives every error and switching tabs.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [method, setMethod] = useState<SignInMethod>('code');
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [remember, setRemember] = useState(false);
  const [fieldError, setFieldError] = useState<{ method: SignInMethod; message: string } | null>(null);
  const [failure, setFailure] = useState<{ method: SignInMethod; error: unknown } | null>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const ids = { code: useId(), token: useId(), codeHelp: useId(), tokenHelp: useId(), error: useId(), remember: useId() };

  // Move focus to a new failure message so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (failure !== null) alertRef.current?.focus();
  }, [failure]);

  const focusField = (which: SignInMethod) => (which === 'code' ? codeRef : tokenRef).current?.focus();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const current = method;
    const problem = current === 'code' ? codeProblem(code) : tokenProblem(token);
    setFailure(null);
    if (problem !== null) {
      setFieldError({ method: current, message: problem });
      focusField(current);
      return;
    }
    setFieldError(null);
    setPending(true);
    try {
      const session =
        current === 'code' ? await exchangeCode(cleanCredential(code), remember) : await signInWithToken(cleanCredential(token), remember);
      onSignedIn(session);
    } catch (error) {
      const own = fieldMessage(error, current);
      if (own !== null) {
        setFieldError({ method: current, message: own });
        focusField(current);
      } else {
        setFailure({ method: current, error });
      }
    } finally {
      setPending(false);
    }
  }

  const errorFor = (which: SignInMethod) => (fieldError?.method === which ? fieldError.message : null);
  const codeError = errorFor('code');
  const tokenError = errorFor('token');
  const shownFailure = failure?.method === method ? describeSignInError(failure.error, failure.method) : null;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={pending}>
      <Tabs.Root
        value={method}
        onValueChange={(value) => {
          if (value === 'code' || value === 'token') setMethod(value);
        }}
      >
        <Tabs.List className={styles.tabs} aria-label="How to sign in">
          <Tabs.Trigger value="code" className={styles.tab}>
            Code
          </Tabs.Trigger>
          <Tabs.Trigger value="token" className={styles.tab}>
            Token
          </Tabs.Trigger>
        </Tabs.List>

        <Tabs.Content value="code" className={styles.panel}>
          <label htmlFor={ids.code} className={styles.label}>
            One-time code
          </label>
          <input
            ref={codeRef}
            id={ids.code}
            name="code"
            className={styles.input}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              if (codeError !== null) setFieldError(null);
            }}
            autoComplete="one-time-code"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={codeError !== null}
            aria-describedby={codeError !== null ? `${ids.error} ${ids.codeHelp}` : ids.codeHelp}
          />
          {codeError !== null && (
            <p id={ids.error} className={styles.fieldError}>
              <span aria-hidden="true" className={styles.errorMark} />
              {codeError}
            </p>
          )}
          <p id={ids.codeHelp} className={styles.help}>
            Create one with <code className={styles.command}>kontena master token create --code</code> where the Kontena CLI is logged in to
            this master. A code works once.
          </p>
        </Tabs.Content>

        <Tabs.Content value="token" className={styles.panel}>
          <label htmlFor={ids.token} className={styles.label}>
            Access token
          </label>
          <div className={styles.inputRow}>
            <input
              ref={tokenRef}
              id={ids.token}
              name="token"
              type={showToken ? 'text' : 'password'}
              className={`${styles.input} ${styles.mono}`}
              value={token}
              onChange={(e) => {
                setToken(e.target.value);
                if (tokenError !== null) setFieldError(null);
              }}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={tokenError !== null}
              aria-describedby={tokenError !== null ? `${ids.error} ${ids.tokenHelp}` : ids.tokenHelp}
            />
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={showToken}
              aria-controls={ids.token}
              aria-label="Show token"
              onClick={() => setShowToken((v) => !v)}
            >
              {showToken ? 'Hide' : 'Show'}
            </Button>
          </div>
          {tokenError !== null && (
            <p id={ids.error} className={styles.fieldError}>
              <span aria-hidden="true" className={styles.errorMark} />
              {tokenError}
            </p>
          )}
          <p id={ids.tokenHelp} className={styles.help}>
            Create one that does not expire with <code className={styles.command}>kontena master token create --expires-in 0</code>, or
            print the CLI’s own with <code className={styles.command}>kontena master token current --token</code>.
          </p>
        </Tabs.Content>
      </Tabs.Root>

      <div className={styles.remember}>
        <input id={ids.remember} type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <label htmlFor={ids.remember}>
          Remember on this device <span className={styles.muted}>(for wall screens)</span>
        </label>
      </div>

      {shownFailure !== null && (
        <Banner ref={alertRef} role="alert" tone="danger" title={shownFailure.title}>
          <p>
            {shownFailure.advice}
            {shownFailure.command !== undefined && (
              <>
                {' '}
                <code className={styles.command}>{shownFailure.command}</code>
              </>
            )}
          </p>
          {shownFailure.detail !== null && <p className={styles.detail}>{shownFailure.detail}</p>}
        </Banner>
      )}

      <Button type="submit" variant="primary" className={styles.submit} disabled={pending}>
        {pending ? (
          <>
            <Spinner /> Signing in…
          </>
        ) : (
          'Sign in'
        )}
      </Button>
    </form>
  );
}

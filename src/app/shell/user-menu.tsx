import { useRef, useState } from 'react';
import { DropdownMenu } from 'radix-ui';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut } from '../../api/auth';
import type { Session } from '../../api/session';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { demoControls } from '../demo-controls';
import styles from './menu.module.css';

/** "Reset the demo": the confirmation, and the reset's failure if it has one. */
function ResetDemoDialog({ onClose, returnFocusTo }: { onClose: () => void; returnFocusTo: () => HTMLElement | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const controls = demoControls();
  if (controls === null) return null;
  const reset = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await controls.reset();
      // Every tab reloads when the master tells it the world was reset (main.tsx); this one
      // goes home first, since the page it shows may be of a service that is gone now.
      void navigate('/');
    } catch (e) {
      setBusy(false);
      setError(`The demo was not reset: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <ConfirmDialog
      title="Reset the demo?"
      confirmLabel="Reset the demo"
      busyLabel="Resetting…"
      busy={busy}
      error={error}
      onConfirm={() => void reset()}
      onCancel={onClose}
      returnFocusTo={returnFocusTo}
    >
      The simulated master goes back to the demo scenario as it starts: every service, secret and deploy made or changed since goes. Every
      tab of this browser reloads, and what is typed in a form there and not saved is lost.
    </ConfirmDialog>
  );
}

/** Who is signed in, Sign out, and (on the simulated master) Reset the demo. */
export function UserMenu({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const email = session.user?.email ?? 'Signed in';
  const name = session.user?.name ?? '';
  const demo = demoControls() !== null;
  // Menus are not modal: a modal menu injects a <style> tag to lock scrolling, which the
  // production CSP (style-src 'self') refuses.
  return (
    <>
      <DropdownMenu.Root modal={false}>
        {/* The accessible name starts with what the button shows (the user), then says what it opens. */}
        <DropdownMenu.Trigger ref={triggerRef} className={styles.trigger} aria-label={`${email}: account menu`}>
          <span className={styles.avatar} aria-hidden="true">
            {email.slice(0, 1)}
          </span>
          <span className={styles.triggerText}>{email}</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className={styles.content} align="end" sideOffset={4}>
            <DropdownMenu.Label className={styles.label}>Signed in as</DropdownMenu.Label>
            <div className={styles.who}>
              <strong>{email}</strong>
              {name !== '' && name !== email && <span>{name}</span>}
            </div>
            <DropdownMenu.Separator className={styles.separator} />
            {demo && (
              <DropdownMenu.Item className={styles.item} onSelect={() => setConfirmReset(true)}>
                Reset the demo…
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item
              className={styles.item}
              onSelect={() => {
                // The guard sees the session go and shows sign-in; nothing of this user stays cached.
                signOut();
                queryClient.clear();
              }}
            >
              Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {confirmReset && <ResetDemoDialog onClose={() => setConfirmReset(false)} returnFocusTo={() => triggerRef.current} />}
    </>
  );
}

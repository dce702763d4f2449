import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { Button } from '../../components/button';
import styles from './service-form.module.css';

/**
 * Asks before leaving a form with unsaved changes: a navigation inside the app waits for
 * an answer, closing or reloading the tab gets the browser's own question.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  const stayRef = useRef<HTMLButtonElement>(null);
  const blocked = blocker.state === 'blocked';

  useEffect(() => {
    if (!when) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  useEffect(() => {
    if (!blocked) return undefined;
    stayRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') blocker.reset?.();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [blocked, blocker]);

  if (!blocked) return null;
  return (
    <div
      role="alertdialog"
      aria-labelledby="sf-leave-title"
      aria-describedby="sf-leave-text"
      className={styles.leave}
    >
      <h2 id="sf-leave-title">Leave without saving?</h2>
      <p id="sf-leave-text">Your changes to this service are not saved. If you leave now, they are lost.</p>
      <div className={styles.saveRow}>
        <Button ref={stayRef} variant="primary" onClick={() => blocker.reset()}>
          Stay and keep editing
        </Button>
        <Button onClick={() => blocker.proceed()}>Leave and discard</Button>
      </div>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/modal-dialog';
import dialogStyles from '../../components/modal-dialog.module.css';

/**
 * Asks before leaving a form with unsaved changes: a navigation inside the app waits for
 * an answer (Esc stays), closing or reloading the tab gets the browser's own question.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  const stayRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!when) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <ModalDialog
      role="alertdialog"
      title="Leave without saving?"
      description="Your changes to this service are not saved. If you leave now, they are lost."
      initialFocusRef={stayRef}
      onClose={() => blocker.reset()}
    >
      <div className={dialogStyles.footer}>
        <Button ref={stayRef} variant="primary" onClick={() => blocker.reset()}>
          Stay and keep editing
        </Button>
        <Button onClick={() => blocker.proceed()}>Leave and discard</Button>
      </div>
    </ModalDialog>
  );
}

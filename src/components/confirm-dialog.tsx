import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Button } from './button';
import { ModalDialog } from './modal-dialog';
import styles from './modal-dialog.module.css';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, naming the thing it happens to. */
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs ("Removing…"). */
  busyLabel?: string;
  tone?: 'danger' | 'default';
  busy?: boolean;
  /** The failure of the last attempt, shown as it is; confirming again retries. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocusTo?: () => HTMLElement | null;
}

/** "Are you sure?" for what cannot be undone. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  tone = 'danger',
  busy = false,
  error,
  onConfirm,
  onCancel,
  returnFocusTo,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    if (!busy) onCancel();
  };
  return (
    <ModalDialog
      role="alertdialog"
      title={title}
      description={children}
      onClose={close}
      initialFocusRef={cancelRef}
      returnFocusTo={returnFocusTo}
    >
      {error !== undefined && error !== null && (
        <div role="alert" className={styles.error}>
          {error}
        </div>
      )}
      <div className={styles.footer}>
        <Button ref={cancelRef} onClick={close} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="primary"
          className={tone === 'danger' ? styles.danger : undefined}
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? (busyLabel ?? `${confirmLabel}…`) : confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}

import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import styles from './overview.module.css';

/**
 * A second step in place of a destructive button: says what will happen, focuses the
 * confirm button, and Escape cancels. No dialog, so nothing to trap or portal.
 */
export function ConfirmInline({
  text,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);
  return (
    // Escape anywhere inside the pair cancels, as it would close a dialog.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the handler only adds a keyboard shortcut to the buttons inside
    <span
      className={styles.confirm}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <span className={styles.confirmText}>{text}</span>
      <Button ref={confirmRef} size="sm" className={styles.danger} disabled={busy} onClick={onConfirm}>
        {busy ? 'Removing…' : confirmLabel}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
    </span>
  );
}

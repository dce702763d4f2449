import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { describeActionError } from './lifecycle';
import styles from './services.module.css';

interface RemoveDialogProps {
  /** The services to remove, as `name` or `stack/name`. */
  names: readonly string[];
  /** Removes them; a rejection is shown as the master said it, and confirming again retries. */
  onRemove: () => Promise<unknown>;
  onClose: () => void;
  returnFocusTo?: () => HTMLElement | null;
}

const LISTED = 8;

/** `kontena service rm` asks first; so does this, naming what goes. */
export function RemoveDialog({ names, onRemove, onClose, returnFocusTo }: RemoveDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const one = names.length === 1 ? names[0] : undefined;

  const confirm = () => {
    setBusy(true);
    setError(null);
    onRemove().then(
      () => onClose(),
      (e: unknown) => {
        setBusy(false);
        setError(describeActionError(e, one));
      },
    );
  };

  return (
    <ConfirmDialog
      title={one !== undefined ? `Remove ${one}?` : `Remove ${names.length} services?`}
      confirmLabel={one !== undefined ? 'Remove service' : `Remove ${names.length} services`}
      busyLabel="Removing…"
      busy={busy}
      error={error}
      onConfirm={confirm}
      onCancel={onClose}
      returnFocusTo={returnFocusTo}
    >
      {one !== undefined ? (
        <p>
          The service <strong className={styles.mono}>{one}</strong> and all its instances will be removed from the grid, with its deploy
          history. This cannot be undone.
        </p>
      ) : (
        <>
          <p>These services and all their instances will be removed from the grid. This cannot be undone.</p>
          <ul className={styles.nameList}>
            {names.slice(0, LISTED).map((n) => (
              <li key={n} className={styles.mono}>
                {n}
              </li>
            ))}
            {names.length > LISTED && <li>and {names.length - LISTED} more</li>}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}

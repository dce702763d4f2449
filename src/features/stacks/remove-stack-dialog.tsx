import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatServicePath } from '../../lib/format-path';
import type { StackLinker } from './stack-facts';
import { listNames } from './stack-facts';
import styles from './stacks.module.css';

interface RemoveStackDialogProps {
  stack: string;
  services: readonly string[];
  /** undefined: the grid's services could not be read, so who links to it is unknown. */
  linkers: readonly StackLinker[] | undefined;
  /** The grid's services are being read. */
  checking: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocusTo: () => HTMLElement | null;
}

/**
 * `kontena stack rm`, saying what goes (docs/kontena-api-grid.md G3.6): the master stops
 * and deletes every service of the stack in the background, then the stack. It refuses
 * while a service of another stack links to one of them: those are named here first.
 */
export function RemoveStackDialog({
  stack,
  services,
  linkers,
  checking,
  busy,
  error,
  onConfirm,
  onCancel,
  returnFocusTo,
}: RemoveStackDialogProps) {
  return (
    <ConfirmDialog
      title={`Remove stack ${stack}?`}
      confirmLabel="Remove stack"
      busyLabel="Removing…"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
      returnFocusTo={returnFocusTo}
    >
      <p>
        {services.length === 0 ? (
          'The stack has no services.'
        ) : (
          <>
            The master stops and deletes {services.length === 1 ? 'its service' : `its ${services.length} services`},{' '}
            <strong>{listNames(services)}</strong>, with their instances, then the stack and its revisions.
          </>
        )}
      </p>
      {linkers === undefined && checking ? (
        <p role="status">Checking whether services of other stacks link to it…</p>
      ) : linkers === undefined ? (
        <p>The grid’s services could not be read: whether other stacks link to it is unknown.</p>
      ) : linkers.length === 0 ? (
        <p>No service of another stack links to it.</p>
      ) : (
        <div className={styles.linkers}>
          <p>
            <strong>Linked from other stacks:</strong> the master refuses to remove it while these link to its services.
          </p>
          <ul>
            {linkers.map((l) => (
              <li key={l.from}>
                <Link to={formatServicePath(l.ref)}>{l.from}</Link> → {listNames(l.to)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ConfirmDialog>
  );
}

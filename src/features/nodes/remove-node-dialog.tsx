import { serviceDisplayName } from '../../api/service-ref';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { NodeInstance } from './node-instances';
import { servicesOf } from './node-instances';

interface RemoveNodeDialogProps {
  node: string;
  connected: boolean;
  /** undefined: the node's instances could not be read. */
  instances: readonly NodeInstance[] | undefined;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

const MAX_LISTED = 12;

function listed(names: readonly string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  return `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more`;
}

/**
 * `kontena node rm`, saying what it breaks (docs/kontena-api-grid.md G2.4): the record goes
 * at once, connected or not, with its containers' records; the services they belong to
 * lose those instances until the scheduler places them elsewhere, and a still-running
 * agent would register again as a new node.
 */
export function RemoveNodeDialog({ node, connected, instances, busy, error, onConfirm, onCancel }: RemoveNodeDialogProps) {
  const services = instances === undefined ? [] : servicesOf(instances).map(serviceDisplayName);
  return (
    <ConfirmDialog
      title={`Remove node ${node}?`}
      confirmLabel="Remove node"
      busyLabel="Removing…"
      busy={busy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>The master forgets the node and the records of the containers on it at once.</p>
      {instances === undefined ? (
        <p>Its instances could not be read: services with instances on it lose them.</p>
      ) : instances.length === 0 ? (
        <p>No instance runs on it.</p>
      ) : (
        <p>
          {instances.length === 1 ? '1 instance runs' : `${instances.length} instances run`} on it: {listed(instances.map((i) => i.name))}.
          {services.length > 0 && (
            <>
              {' '}
              {services.length === 1 ? 'Service' : 'Services'} <strong>{listed(services)}</strong> lose{services.length === 1 ? 's' : ''}{' '}
              {services.length === 1 ? 'it' : 'them'} until the scheduler places them on another node; a stateful service’s data stays
              behind.
            </>
          )}
        </p>
      )}
      {connected && <p>The node is still connected: its agent will register it again as a new node unless it is stopped first.</p>}
    </ConfirmDialog>
  );
}

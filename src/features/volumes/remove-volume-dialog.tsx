import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { volumeRemoveMutation } from '../../api/stack-mutations';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formErrorText } from '../../components/api-field-error';
import { CliLine } from './cli-line';
import { volumeRemoveCommand } from './volume-form';
import styles from './volumes-page.module.css';

/**
 * The master's refusal as it said it: one "Volume still in use in service NAME" per
 * service, keyed by the bare service name (G4); anything else as one line.
 */
function refusal(error: unknown): string[] {
  if (isApiError(error) && error.kind === 'validation' && error.fieldErrors !== null) {
    const messages = Object.values(error.fieldErrors).filter((value): value is string => typeof value === 'string');
    if (messages.length > 0) return messages;
  }
  const text = formErrorText(error, []);
  return text === null ? [] : [text];
}

/** `kontena volume rm`, asked first. */
export function RemoveVolumeDialog({
  grid,
  name,
  usersUnknown,
  onRemoved,
  onClose,
}: {
  grid: string;
  name: string;
  /** The services could not be read: who mounts it is not known here. */
  usersUnknown: boolean;
  onRemoved: () => void;
  onClose: () => void;
}) {
  const remove = useMutation({ ...volumeRemoveMutation(grid), onSuccess: onRemoved });
  const problems = remove.isError ? refusal(remove.error) : [];
  return (
    <ConfirmDialog
      title={`Remove volume ${name}?`}
      confirmLabel="Remove volume"
      busyLabel="Removing…"
      busy={remove.isPending}
      error={
        problems.length === 0 ? null : (
          <>
            <p>The master refused:</p>
            <ul className={styles.plainList}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </>
        )
      }
      onConfirm={() => remove.mutate(name)}
      onCancel={onClose}
    >
      <p>
        The definition of <strong className={styles.mono}>{name}</strong> goes from the grid. The docker volumes already on the nodes may
        stay there.
      </p>
      {usersUnknown && <p>The services could not be read, so it is not known here whether one still mounts it: the master will say.</p>}
      <div className={styles.dialogCli}>
        <CliLine line={volumeRemoveCommand(name, grid)} />
      </div>
    </ConfirmDialog>
  );
}

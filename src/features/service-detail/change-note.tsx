import type { ServiceState } from '../../api/schemas/service';
import { cx } from '../../components/class-names';
import styles from './overview.module.css';

/** When a change reaches the containers (docs/kontena-api.md §4.4: the 20 s scheduler). */
function redeployText(state: ServiceState): string {
  return state === 'running'
    ? 'The master redeploys the running service about 20 s later.'
    : 'It takes effect at the next deploy (the service is not running, so the master does not redeploy it by itself).';
}

/** The polite confirmation under a panel after a change went through. */
export function ChangeNote({ text, state }: { text: string | null; state: ServiceState }) {
  return (
    <div role="status" className={text === null ? undefined : styles.note}>
      {text !== null && (
        <>
          <span className={styles.noteOk} aria-hidden="true">
            ✓
          </span>
          <span>
            {text} {redeployText(state)}
          </span>
        </>
      )}
    </div>
  );
}

/** The alert under a panel when a change from one of its rows failed: "Could not unlink: …". */
export function ChangeFailed({ action, reason }: { action: string; reason: string | null }) {
  if (reason === null) return null;
  return (
    <p role="alert" className={cx(styles.note, styles.formError)}>
      Could not {action}: {reason}
    </p>
  );
}

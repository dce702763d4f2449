import { Button } from '../../components/button';
import styles from './services.module.css';

export type BulkKind = 'deploy' | 'start' | 'stop' | 'restart' | 'remove';

interface BulkBarProps {
  count: number;
  /** Selected services the filter hides: acted on too, so say so. */
  hidden: number;
  /** "Restarting 1 of 2…" while a bulk action runs. */
  progress: string | null;
  onAction: (kind: BulkKind) => void;
  onClear: () => void;
}

/** Shown while rows are selected: the lifecycle commands that make sense for many services. */
export function BulkBar({ count, hidden, progress, onAction, onClear }: BulkBarProps) {
  const busy = progress !== null;
  return (
    <div className={styles.bulk} role="toolbar" aria-label="Selected services">
      <p className={styles.bulkCount} aria-live="polite">
        {count} selected
        {hidden > 0 && <span className={styles.bulkHidden}> ({hidden} hidden by the filter)</span>}
      </p>
      <Button size="sm" onClick={() => onAction('deploy')} disabled={busy}>
        Deploy
      </Button>
      <Button size="sm" onClick={() => onAction('start')} disabled={busy}>
        Start
      </Button>
      <Button size="sm" onClick={() => onAction('stop')} disabled={busy}>
        Stop
      </Button>
      <Button size="sm" onClick={() => onAction('restart')} disabled={busy}>
        Restart
      </Button>
      <Button size="sm" onClick={() => onAction('remove')} disabled={busy}>
        Remove…
      </Button>
      {busy && <span role="status">{progress}</span>}
      <span className={styles.bulkSpacer} />
      <Button size="sm" variant="ghost" onClick={onClear} disabled={busy}>
        Clear selection
      </Button>
    </div>
  );
}

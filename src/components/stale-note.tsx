import { isApiError } from '../api/errors';
import { formatClockTime } from '../lib/format-time';
import { Button } from './button';
import styles from './stale-note.module.css';

interface StaleNoteProps {
  /** When the data on screen was fetched (ms epoch); 0 = unknown. */
  updatedAt: number;
  error: unknown;
  onRetry: () => void;
}

/**
 * One line above data that could not be refreshed: the data stays, marked with its
 * age. When the master is unreachable the shell's banner offers the retry; for other
 * failures (a 5xx, a garbled answer) this note does.
 */
export function StaleNote({ updatedAt, error, onRetry }: StaleNoteProps) {
  const unreachable = isApiError(error) && error.kind === 'network';
  const since = updatedAt > 0 ? ` from ${formatClockTime(updatedAt)}` : '';
  return (
    <div className={styles.note} role="status">
      <span className={styles.mark} aria-hidden="true" />
      <p>
        <strong>Stale:</strong> showing data{since}. {unreachable ? 'The master cannot be reached.' : 'The latest refresh failed.'}
      </p>
      {!unreachable && (
        <Button size="sm" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  );
}

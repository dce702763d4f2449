import { useId, useState } from 'react';
import { Button } from '../../components/button';
import styles from './services.module.css';

export interface BulkResultItem {
  id: string;
  label: string;
  ok: boolean;
  message: string;
}

export interface BulkResult {
  title: string;
  items: readonly BulkResultItem[];
}

/** Up to this many lines are listed at once; more fold into the summary line, a click away. */
const LISTED = 3;

/**
 * A bulk action's outcome: one summary line, and what was done or why not per service.
 * `followed`: the accepted ones have a panel each in the deploy tray (a bulk deploy), so
 * only the failed are listed here, not the same services a second time. A long list
 * folds away, so the services list keeps its height.
 */
export function BulkResults({
  result,
  followed = false,
  onRetryFailed,
  onDismiss,
}: {
  result: BulkResult;
  followed?: boolean;
  onRetryFailed: () => void;
  onDismiss: () => void;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const total = result.items.length;
  const failed = result.items.filter((i) => !i.ok).length;
  const listed = followed ? result.items.filter((i) => !i.ok) : [...result.items].sort((a, b) => Number(a.ok) - Number(b.ok));
  const foldable = listed.length > LISTED;
  const shown = !foldable || open;
  let summary: string;
  if (failed === 0) summary = followed ? `all ${total} sent, each followed under Deploys` : `all ${total} done`;
  else summary = `${total - failed} of ${total} done, ${failed} failed`;
  return (
    <section className={styles.results} aria-label={`Results: ${result.title}`}>
      <div className={styles.resultsHead}>
        <p>
          <strong>{result.title}</strong>: <span className={failed > 0 ? styles.resultFail : undefined}>{summary}</span>
        </p>
        {foldable && (
          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {open ? 'Hide the list' : `Show ${followed ? 'the failed' : 'each'} (${listed.length})`}{' '}
            <span aria-hidden="true">{open ? '▴' : '▾'}</span>
          </Button>
        )}
        {failed > 0 && (
          <Button size="sm" onClick={onRetryFailed}>
            Retry the failed
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      {listed.length > 0 && shown && (
        <ul className={styles.resultList} id={listId}>
          {listed.map((item) => (
            <li key={item.id}>
              <span className={item.ok ? styles.resultOk : styles.resultFail}>
                <span aria-hidden="true">{item.ok ? '✓ ' : '✗ '}</span>
                <span className={styles.mono}>{item.label}</span>
              </span>
              <span>
                <span className="visually-hidden">{item.ok ? 'done: ' : 'failed: '}</span>
                {item.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

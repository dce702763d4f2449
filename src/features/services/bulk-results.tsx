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

/** A bulk action's outcome, one line per service: what was done, or why not. */
export function BulkResults({ result, onRetryFailed, onDismiss }: { result: BulkResult; onRetryFailed: () => void; onDismiss: () => void }) {
  const failed = result.items.filter((i) => !i.ok).length;
  const summary = failed === 0 ? `all ${result.items.length} done` : `${result.items.length - failed} of ${result.items.length} done, ${failed} failed`;
  return (
    <section className={styles.results} aria-label={`Results: ${result.title}`}>
      <div className={styles.resultsHead}>
        <p>
          <strong>{result.title}</strong>: {summary}
        </p>
        {failed > 0 && (
          <Button size="sm" onClick={onRetryFailed}>
            Retry the failed
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      <ul className={styles.resultList}>
        {result.items.map((item) => (
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
    </section>
  );
}

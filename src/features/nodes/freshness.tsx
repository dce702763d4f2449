import { useNow } from '../../components/use-now';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import styles from './nodes.module.css';

/** "Updated 12 s ago · every 10 s": how old the data on screen is, and how often it is read. */
export function Freshness({ at, everyMs, fetching }: { at: number; everyMs: number; fetching: boolean }) {
  const now = useNow(1000, at > 0);
  return (
    <span className={styles.freshness}>
      {fetching && <span className={styles.fetching} aria-hidden="true" />}
      {at > 0 ? (
        <span>
          Updated{' '}
          <time dateTime={new Date(at).toISOString()} title={formatExactTime(at)}>
            {formatAgo(at, now)}
          </time>{' '}
          · every {everyMs / 1000} s
        </span>
      ) : (
        <span>Not loaded yet</span>
      )}
    </span>
  );
}

import { useNow } from '../../components/use-now';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import styles from './stacks.module.css';

/** How often the stacks pages read the master again: a stack's state moves with its services. */
export const STACKS_POLL_MS = 5_000;

/** "Updated 3 s ago · every 5 s": how old the data on screen is, and how often it is read. */
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

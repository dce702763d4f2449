import { formatAgo, formatExactTime } from '../lib/relative-time';
import { cx } from './class-names';
import styles from './freshness.module.css';
import { useNow } from './use-now';

interface FreshnessProps {
  /** When the data on screen was fetched (ms epoch); 0 = not loaded yet. */
  at: number;
  /** How often the page reads the master again: adds "· every 5 s". */
  everyMs?: number;
  /** A read is under way: a small dot before the text. */
  fetching?: boolean;
  /** The clock "ago" is counted on (the api client's clientNow where the master's time matters). */
  clock?: () => number;
  /** How often the text is re-read. */
  tickMs?: number;
  /** Said before the first answer; null says nothing. */
  notLoaded?: string | null;
  /** Its place in the page's header (margin-left: auto and the like). */
  className?: string;
}

/**
 * "Updated 12 s ago · every 10 s": how old the data on screen is, and how often it is
 * read; in its own small component so the tick re-renders only it.
 */
export function Freshness({
  at,
  everyMs,
  fetching = false,
  clock = Date.now,
  tickMs = 1000,
  notLoaded = 'Not loaded yet',
  className,
}: FreshnessProps) {
  const now = useNow(tickMs, at > 0, clock);
  if (at <= 0 && notLoaded === null) return null;
  return (
    <span className={cx(styles.freshness, className)}>
      {fetching && <span className={styles.fetching} aria-hidden="true" />}
      {at > 0 ? (
        <span>
          Updated{' '}
          <time dateTime={new Date(at).toISOString()} title={formatExactTime(at)}>
            {formatAgo(at, now)}
          </time>
          {everyMs !== undefined && ` · every ${everyMs / 1000} s`}
        </span>
      ) : (
        <span>{notLoaded}</span>
      )}
    </span>
  );
}

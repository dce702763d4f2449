import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/button';
import type { LogStatus } from './log-status';
import styles from './log-viewer.module.css';

interface LogSearchProps {
  query: string;
  grep: boolean;
  results: LogStatus['search'];
  /** The committed search text (debounced while typing). */
  onQuery(text: string): void;
  onGrep(on: boolean): void;
  onFind(direction: 'next' | 'previous'): void;
}

const TYPE_DELAY_MS = 200;

/** Highlight search with next/previous (xterm's search addon) and a grep toggle. */
export function LogSearch({ query, grep, results, onQuery, onGrep, onFind }: LogSearchProps) {
  const id = useId();
  const [draft, setDraft] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onQuery);
  useEffect(() => {
    latest.current = onQuery;
  });
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const commit = (text: string, delay: number): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current(text);
    }, delay);
  };

  const summary =
    query === '' || results === null
      ? ''
      : results.count === 0
        ? 'no matches'
        : results.index < 0
          ? `${results.count} matches`
          : `${results.index + 1} of ${results.count}`;

  return (
    <div className={styles.search} role="search" aria-label="Search the logs">
      <label className={styles.field} htmlFor={`${id}-q`}>
        Search
        <input
          id={`${id}-q`}
          type="search"
          value={draft}
          placeholder="text in the lines"
          onChange={(e) => {
            setDraft(e.target.value);
            commit(e.target.value, TYPE_DELAY_MS);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (draft !== query) commit(draft, 0);
              else onFind(e.shiftKey ? 'previous' : 'next');
            } else if (e.key === 'Escape' && draft !== '') {
              e.preventDefault();
              setDraft('');
              commit('', 0);
            }
          }}
          aria-describedby={`${id}-count`}
        />
      </label>
      <Button
        size="md"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={query === ''}
        onClick={() => onFind('previous')}
      >
        ↑
      </Button>
      <Button size="md" aria-label="Next match" title="Next match (Enter)" disabled={query === ''} onClick={() => onFind('next')}>
        ↓
      </Button>
      <span id={`${id}-count`} className={styles.matches} aria-live="polite">
        {summary}
      </span>
      <label className={styles.check}>
        <input type="checkbox" checked={grep} onChange={(e) => onGrep(e.target.checked)} />
        Only matching lines
      </label>
    </div>
  );
}

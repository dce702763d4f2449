import { memo, useId } from 'react';
import type { RefObject } from 'react';
import { Button } from '../../components/button';
import { useNow } from '../../components/use-now';
import { REFRESH_CHOICES, STATE_FILTERS } from '../../lib/service-list-view';
import { formatAgo, formatExactTime } from '../../lib/relative-time';
import styles from './services.module.css';

function stackLabel(stack: string): string {
  return stack === 'null' ? 'default stack (null)' : stack;
}

function refreshLabel(seconds: number): string {
  if (seconds === 0) return 'Off';
  return seconds < 60 ? `${seconds} s` : `${seconds / 60} min`;
}

/** "updated 3 s ago", ticking by itself so nothing else re-renders each second. */
function UpdatedAgo({ at, fetching }: { at: number; fetching: boolean }) {
  const now = useNow(1000, at > 0);
  return (
    <span className={styles.ago}>
      {fetching && <span className={styles.fetching} aria-hidden="true" />}
      {at > 0 ? (
        <>
          Updated{' '}
          <time dateTime={new Date(at).toISOString()} title={formatExactTime(at)}>
            {formatAgo(at, now)}
          </time>
        </>
      ) : (
        'Not loaded yet'
      )}
    </span>
  );
}

interface ServicesToolbarProps {
  filterRef: RefObject<HTMLInputElement | null>;
  text: string;
  onText: (text: string) => void;
  states: readonly string[];
  stateCounts: ReadonlyMap<string, number>;
  onToggleState: (state: string) => void;
  stack: string | null;
  stacks: readonly string[];
  onStack: (stack: string | null) => void;
  refresh: number;
  onRefresh: (seconds: number) => void;
  updatedAt: number;
  fetching: boolean;
  onRefreshNow: () => void;
}

/** Filter box · state chips · stack · refresh interval · "updated N s ago" (all but the last are in the URL). */
export const ServicesToolbar = memo(function ServicesToolbar({ filterRef, ...props }: ServicesToolbarProps) {
  const filterId = useId();
  const stackId = useId();
  const refreshId = useId();
  // Chips for the usual states, plus any other state the grid's services are in (or the URL names).
  const chipStates: string[] = ['running', 'stopped', 'initialized'];
  for (const s of [...STATE_FILTERS, ...props.stateCounts.keys(), ...props.states]) {
    if (!chipStates.includes(s) && (props.stateCounts.has(s) || props.states.includes(s))) chipStates.push(s);
  }
  return (
    <div className={styles.toolbar}>
      <div className={styles.search}>
        <label htmlFor={filterId} className="visually-hidden">
          Filter services by name, image or stack
        </label>
        <input
          ref={filterRef}
          id={filterId}
          className={`${styles.input} ${styles.filter}`}
          type="search"
          placeholder="Filter by name, image, stack…"
          autoComplete="off"
          spellCheck={false}
          value={props.text}
          onChange={(e) => props.onText(e.target.value)}
        />
      </div>
      <fieldset className={styles.chips}>
        <legend>State</legend>
        {chipStates.map((state) => (
          <button
            key={state}
            type="button"
            className={styles.chip}
            aria-pressed={props.states.includes(state)}
            onClick={() => props.onToggleState(state)}
          >
            {state}
            <span className={styles.chipCount}>{props.stateCounts.get(state) ?? 0}</span>
          </button>
        ))}
      </fieldset>
      <label className={styles.labelled} htmlFor={stackId}>
        Stack
        <select
          id={stackId}
          className={styles.select}
          value={props.stack ?? ''}
          onChange={(e) => props.onStack(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">All stacks</option>
          {props.stacks.map((s) => (
            <option key={s} value={s}>
              {stackLabel(s)}
            </option>
          ))}
          {props.stack !== null && !props.stacks.includes(props.stack) && <option value={props.stack}>{stackLabel(props.stack)}</option>}
        </select>
      </label>
      <label className={styles.labelled} htmlFor={refreshId}>
        Refresh
        <select id={refreshId} className={styles.select} value={props.refresh} onChange={(e) => props.onRefresh(Number(e.target.value))}>
          {REFRESH_CHOICES.map((s) => (
            <option key={s} value={s}>
              {refreshLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span className={styles.updated}>
        <UpdatedAgo at={props.updatedAt} fetching={props.fetching} />
        <Button size="sm" onClick={props.onRefreshNow} aria-label="Refresh now" title="Refresh now">
          <span aria-hidden="true">↻</span>
        </Button>
      </span>
    </div>
  );
});

import { memo, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import type { ApiError } from '../../api/errors';
import { followEventLogs, getEventLogs } from '../../api/events';
import type { EventLog } from '../../api/schemas/event';
import type { StreamState } from '../../api/stream';
import { Button } from '../../components/button';
import { StatusBadge } from '../../components/status-badge';
import type { StatusTone } from '../../components/status-badge';
import { useServiceRef } from '../../components/use-service-ref';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { createBoundedFeed, frameScheduler } from '../../lib/bounded-feed';
import type { FeedEntry } from '../../lib/bounded-feed';
import { formatTableDateTime } from '../../lib/clock-format';
import { withDefaultStackNames } from '../../lib/default-stack-names';
import {
  eventNodeName,
  eventsLimit,
  eventTypeLabel,
  fromLocalInput,
  MAX_EVENTS,
  parseLines,
  readEventsView,
  SEVERITIES,
  toLocalInput,
  writeEventsView,
} from './event-view';
import type { EventsView } from './event-view';
import styles from './events-tab.module.css';

type Feed = 'connecting' | 'live' | 'reconnecting' | 'stopped' | 'loaded' | 'failed';

const feedLabel: Record<Feed, { tone: StatusTone; text: string }> = {
  connecting: { tone: 'info', text: 'connecting…' },
  live: { tone: 'ok', text: 'live' },
  reconnecting: { tone: 'warn', text: 'reconnecting…' },
  stopped: { tone: 'danger', text: 'stopped' },
  loaded: { tone: 'neutral', text: 'not following' },
  failed: { tone: 'danger', text: 'failed' },
};

const EventRow = memo(function EventRow({ event }: { event: EventLog }) {
  const severity = SEVERITIES[event.severity];
  const node = eventNodeName(event);
  const instance = event.meta?.instance_number;
  return (
    <tr className={styles[`severity${event.severity}`]}>
      <td className={styles.time}>
        <time dateTime={event.created_at} title={event.created_at}>
          {formatTableDateTime(event.created_at)}
        </time>
      </td>
      <td>
        <StatusBadge tone={severity.tone} label={severity.label} />
      </td>
      <td className={styles.type}>{eventTypeLabel(event.type)}</td>
      {/* The master writes "service production/null/api deployed"; a default-stack service is `api` everywhere here. */}
      <td className={styles.message}>{withDefaultStackNames(event.message)}</td>
      <td className={styles.node}>
        {node ?? <span className={styles.muted}>master</span>}
        {instance !== undefined && <span className={styles.muted}> · #{instance}</span>}
      </td>
    </tr>
  );
});

function Controls({ view, onChange }: { view: EventsView; onChange: (next: EventsView) => void }) {
  // Remounted (keyed) when the URL's lines or since change, so the drafts start from them.
  const [sinceDraft, setSinceDraft] = useState(toLocalInput(view.since));
  const [linesDraft, setLinesDraft] = useState(String(view.lines));
  const [linesError, setLinesError] = useState<string | null>(null);
  const linesHint = view.lines > MAX_EVENTS ? `The page keeps the latest ${MAX_EVENTS.toLocaleString('en-US')}.` : null;
  return (
    <form
      className={styles.controls}
      aria-label="Event filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const lines = parseLines(linesDraft);
        // A bad number is said at the box, and nothing is asked of the master.
        if (!lines.ok) {
          setLinesError(lines.error);
          return;
        }
        setLinesError(null);
        onChange({ ...view, lines: lines.value, since: fromLocalInput(sinceDraft) });
      }}
    >
      <div className={styles.control}>
        <label htmlFor="events-lines">Lines</label>
        <input
          id="events-lines"
          className={styles.lines}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={linesDraft}
          aria-invalid={linesError !== null ? true : undefined}
          aria-describedby={linesError !== null || linesHint !== null ? 'events-lines-msg' : undefined}
          onChange={(event) => {
            setLinesDraft(event.target.value);
            setLinesError(null);
          }}
        />
      </div>
      <label className={styles.control}>
        <span>Since</span>
        <input type="datetime-local" step={1} value={sinceDraft} onChange={(event) => setSinceDraft(event.target.value)} />
      </label>
      <Button type="submit" size="sm">
        Apply
      </Button>
      {view.since !== null && (
        <Button size="sm" variant="ghost" onClick={() => onChange({ ...view, since: null })}>
          Clear since
        </Button>
      )}
      <label className={styles.toggle}>
        <input type="checkbox" checked={view.follow} onChange={(event) => onChange({ ...view, follow: event.target.checked })} />
        <span>Follow new events</span>
      </label>
      {(linesError ?? linesHint) !== null && (
        <p id="events-lines-msg" className={linesError !== null ? styles.fieldError : styles.fieldHint}>
          {linesError !== null && (
            <>
              <span className="visually-hidden">Error:</span>{' '}
            </>
          )}
          {linesError ?? linesHint}
        </p>
      )}
    </form>
  );
}

/**
 * `kontena service events [-t] [--lines] [--since]`: the service's event log, newest
 * first, followed live over the master's event stream. Stream items go into a bounded
 * feed that renders at most once per frame, never one React update per event.
 */
export function EventsTab() {
  const ref = useServiceRef();
  const [params, setParams] = useSearchParams();
  const view = readEventsView(params);
  const [feed] = useState(() => createBoundedFeed<EventLog>({ limit: MAX_EVENTS, schedule: frameScheduler() }));
  const entries = useSyncExternalStore(feed.subscribe, feed.snapshot, feed.snapshot);
  // A flush scheduled by the last burst must not run after the tab is gone.
  useEffect(() => () => feed.dispose(), [feed]);
  const { grid, stack, name } = ref;
  const { lines, since, follow } = view;
  // The status belongs to one run of the stream; a new run starts out connecting.
  const run = JSON.stringify([grid, stack, name, lines, since, follow]);
  const [reported, setStatus] = useState<{ run: string; feed: Feed; error: ApiError | Error | null } | null>(null);
  const status = reported !== null && reported.run === run ? reported : { feed: 'connecting' as Feed, error: null };

  useEffect(() => {
    const target = { grid, stack, name };
    const controller = new AbortController();
    const { signal } = controller;
    feed.clear();
    if (follow) {
      void followEventLogs(
        target,
        { limit: eventsLimit(lines), since: since ?? undefined, signal },
        {
          onItems: (items) => {
            if (!signal.aborted) feed.push(items);
          },
          onState: (state: StreamState, error?: ApiError) => {
            if (!signal.aborted) setStatus({ run, feed: state, error: error ?? null });
          },
        },
      );
    } else {
      getEventLogs(target, { limit: eventsLimit(lines), since: since ?? undefined, signal }).then(
        (items) => {
          if (signal.aborted) return;
          feed.push(items);
          feed.flush();
          setStatus({ run, feed: 'loaded', error: null });
        },
        (error: unknown) => {
          if (!signal.aborted) setStatus({ run, feed: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
        },
      );
    }
    return () => controller.abort();
  }, [feed, run, grid, stack, name, lines, since, follow]);

  const change = (next: EventsView) => setParams(writeEventsView(params, next), URL_VIEW_STATE);
  // Up to MAX_EVENTS rows: reversed once per change of the feed, not on every render.
  const newestFirst: FeedEntry<EventLog>[] = useMemo(() => [...entries].reverse(), [entries]);
  const state = feedLabel[status.feed];

  return (
    <section className={styles.tab} aria-labelledby="events-heading">
      <div className={styles.head}>
        <h2 id="events-heading" className={styles.heading}>
          Events
        </h2>
        <span role="status" className={styles.state}>
          <span className="visually-hidden">Event stream: </span>
          <StatusBadge tone={state.tone} label={state.text} />
          {/* Why: muted while it mends itself (reconnecting), in red once it gave up. */}
          {status.error !== null && (
            <span className={status.feed === 'reconnecting' ? styles.reason : styles.error}>{status.error.message}</span>
          )}
        </span>
        <span className={styles.count}>
          {entries.length} {entries.length === 1 ? 'event' : 'events'}, newest first
          {entries.length >= MAX_EVENTS ? ` (the latest ${MAX_EVENTS} are kept)` : ''}
        </span>
      </div>
      <Controls key={`${view.lines} ${view.since ?? ''}`} view={view} onChange={change} />
      <div className={styles.tableWrap}>
        <table className={styles.table} aria-labelledby="events-heading">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Severity</th>
              <th scope="col">Type</th>
              <th scope="col">Message</th>
              <th scope="col">Node</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((entry) => (
              <EventRow key={entry.seq} event={entry.item} />
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={5} className={styles.empty}>
                  {status.feed === 'connecting'
                    ? 'Loading the events…'
                    : view.since !== null
                      ? 'No events since that time.'
                      : 'No events yet.'}
                  {view.follow && status.feed === 'live' ? ' New ones appear here as they happen.' : ''}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

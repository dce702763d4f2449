/** How `kontena service events` prints an event (docs/kontena-api.md §4.12), as pure functions. */
import type { EventLog, EventSeverity } from '../../api/schemas/event';
import type { StatusTone } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format-date-time';
import { shownValue } from '../../lib/options/shown-value';

/** The type without its `service:` prefix ("deploy", "create_instance", "scheduler"). */
export function eventTypeLabel(type: string | null): string {
  if (type === null || type === '') return '—';
  return type.startsWith('service:') ? type.slice('service:'.length) : type;
}

/** The node's name: the last segment of the node relationship id ("G/node-1" → "node-1"). */
export function eventNodeName(event: Pick<EventLog, 'relationships'>): string | null {
  const node = event.relationships.find((r) => r.type === 'node');
  if (node === undefined) return null;
  return node.id.slice(node.id.lastIndexOf('/') + 1);
}

export const SEVERITIES: Record<EventSeverity, { label: string; tone: StatusTone }> = {
  0: { label: 'debug', tone: 'neutral' },
  1: { label: 'info', tone: 'info' },
  2: { label: 'warning', tone: 'warn' },
  3: { label: 'error', tone: 'danger' },
};

/** Events shown at most; the stream may deliver more over a long session, the oldest go. */
export const MAX_EVENTS = 1000;

const DEFAULT_LINES = 100;

export interface EventsView {
  /** The CLI's --lines: how many of the latest events to ask for, any whole number ≥ 1. */
  lines: number;
  /** ISO time: only events after it (--since); null = no bound. */
  since: string | null;
  /** Keep the stream open for new events (-t); otherwise one window. */
  follow: boolean;
}

type LinesInput = { ok: true; value: number } | { ok: false; error: string };

/**
 * The "Lines" box as `kontena service events --lines N` reads it: any whole number from 1
 * up (the master takes 0 or less as 100, so they are refused rather than sent).
 */
export function parseLines(text: string): LinesInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter how many of the latest events to show, e.g. 100.' };
  if (!/^\d+$/.test(trimmed))
    return { ok: false, error: `“${shownValue(trimmed)}” is not a whole number: enter how many events to show, e.g. 100.` };
  const value = Number(trimmed);
  if (value < 1) return { ok: false, error: 'Enter 1 or more.' };
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'That number is too large.' };
  return { ok: true, value };
}

/** The `limit` sent for a view: the lines asked for, but no more than the page keeps. */
export function eventsLimit(lines: number): number {
  return Math.min(lines, MAX_EVENTS);
}

/** The tab's view state from its URL (`?lines=…&since=…&follow=0`); bad values fall back to the defaults. */
export function readEventsView(params: URLSearchParams): EventsView {
  const rawLines = params.get('lines');
  const parsed = rawLines === null ? null : parseLines(rawLines);
  const lines = parsed?.ok === true ? parsed.value : DEFAULT_LINES;
  const rawSince = params.get('since');
  const since = rawSince !== null && rawSince !== '' && !Number.isNaN(Date.parse(rawSince)) ? new Date(rawSince).toISOString() : null;
  return { lines, since, follow: params.get('follow') !== '0' };
}

/** The URL search params of a view, leaving defaults out so links stay short. */
export function writeEventsView(params: URLSearchParams, view: EventsView): URLSearchParams {
  const next = new URLSearchParams(params);
  if (view.lines === DEFAULT_LINES) next.delete('lines');
  else next.set('lines', String(view.lines));
  if (view.since === null) next.delete('since');
  else next.set('since', view.since);
  if (view.follow) next.delete('follow');
  else next.set('follow', '0');
  return next;
}

/** `<input type="datetime-local">` value (local time, to the second) for an ISO time, and back. */
export function toLocalInput(iso: string | null): string {
  if (iso === null || Number.isNaN(Date.parse(iso))) return '';
  return formatDateTime(iso).replace(' ', 'T');
}

export function fromLocalInput(value: string): string | null {
  if (value === '') return null;
  // "YYYY-MM-DDTHH:MM[:SS]" without a zone is local time to Date.
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Whether a node is reporting: the master marks a node disconnected only when its cleanup
 * job runs (docs/kontena-api-grid.md G2.1: `last_seen_at` over a minute old), so a node whose
 * pongs stopped can still read `connected: true` for a while. A connected node not seen for
 * SILENT_AFTER_MS is said to be "not reporting" before the master says so.
 */
import type { Node } from '../../api/schemas/node';
import { formatHourMinute, formatTableDateTime } from '../../lib/clock-format';
import { formatAgo, formatDuration } from '../../lib/relative-time';

export const SILENT_AFTER_MS = 2 * 60_000;

export type ReportingState =
  /** Connected and seen lately. */
  | { kind: 'online' }
  /** The master says disconnected; `since` is when it was last seen (null: never). */
  | { kind: 'offline'; since: number | null }
  /** Connected by the record, but silent for longer than SILENT_AFTER_MS. */
  | { kind: 'silent'; since: number };

function seenAt(node: Pick<Node, 'last_seen_at'>): number | null {
  if (node.last_seen_at === null) return null;
  const ms = Date.parse(node.last_seen_at);
  return Number.isFinite(ms) ? ms : null;
}

export function reportingState(node: Pick<Node, 'connected' | 'last_seen_at'>, now: number): ReportingState {
  const since = seenAt(node);
  if (!node.connected) return { kind: 'offline', since };
  if (since !== null && now - since > SILENT_AFTER_MS) return { kind: 'silent', since };
  return { kind: 'online' };
}

/** A minute at least: "not reporting for 45 s" would contradict the two-minute rule. */
function roundedAway(ms: number): string {
  return formatDuration(Math.max(ms, 0)).replace(/ \d\d s$/, '');
}

/** A time of day today, a date and time before. */
function sinceText(since: number, now: number): string {
  return now - since < 20 * 3_600_000 ? formatHourMinute(since) : formatTableDateTime(new Date(since).toISOString());
}

/** The badge's word. */
export function reportingLabel(state: ReportingState): string {
  return state.kind === 'online' ? 'online' : state.kind === 'offline' ? 'offline' : 'not reporting';
}

/** What follows the badge: "since 14:03 (5 min ago)", "for 3 min"; null when online. */
export function reportingDetail(state: ReportingState, now: number): string | null {
  switch (state.kind) {
    case 'online':
      return null;
    case 'offline':
      return state.since === null ? 'never seen' : `since ${sinceText(state.since, now)} (${formatAgo(state.since, now)})`;
    case 'silent':
      return `for ${roundedAway(now - state.since)}`;
  }
}

/** Sort order of the states: the trouble first when sorting by state. */
export const REPORTING_RANK: Record<ReportingState['kind'], number> = { offline: 0, silent: 1, online: 2 };

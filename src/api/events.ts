import { apiRequest, apiStream } from './client';
import type { RequestOptions } from './client';
import { eventListSchema, eventSchema } from './schemas/event';
import type { EventLog } from './schemas/event';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';
import { followJsonStream } from './stream';
import type { FollowOptions, StreamHandlers } from './stream-handlers';

export interface EventLogsQuery {
  /** Default 100, at most 10 000. */
  limit?: number;
  /** ISO time; keeps events strictly after it. */
  since?: string;
}

/** The master's largest window: a resume asks for all of it so a long drop leaves no gap. */
const RESUME_LIMIT = 10_000;

/** The most recent `limit` events, oldest first. */
export async function getEventLogs(ref: ServiceRef, query?: EventLogsQuery & RequestOptions): Promise<EventLog[]> {
  const { logs } = await apiRequest(eventListSchema, servicePath(ref, 'event_logs'), {
    query: { limit: query?.limit, since: query?.since },
    signal: query?.signal,
  });
  return logs;
}

/** An event's cursor: its time in one canonical form, so equal times compare equal. */
export function eventCursor(event: EventLog): string {
  return new Date(event.created_at).toISOString();
}

/** What makes two events the same one (they have no id). */
export function eventIdentity(event: EventLog): string {
  return JSON.stringify([eventCursor(event), event.type, event.message, event.meta]);
}

/** `since` for a resume: 1 ms before the last event, because `since` is strictly-after. */
export function resumeSince(cursor: string): string {
  return new Date(Date.parse(cursor) - 1).toISOString();
}

/**
 * Tails the service's event log. Events have no id, so a drop is resumed with
 * `since` = (last created_at − 1 ms), and the events at that last time that were
 * already delivered are dropped by identity: nothing lost, nothing repeated.
 */
export function followEventLogs(
  ref: ServiceRef,
  options: EventLogsQuery & FollowOptions,
  handlers: StreamHandlers<EventLog>,
): Promise<void> {
  const path = servicePath(ref, 'event_logs');
  return followJsonStream<EventLog>({
    open: (cursor, signal) =>
      apiStream(
        path,
        cursor === null
          ? { follow: 1, limit: options.limit, since: options.since }
          : { follow: 1, limit: RESUME_LIMIT, since: resumeSince(cursor) },
        signal,
      ),
    parse: (item) => eventSchema.parse(item),
    cursorOf: eventCursor,
    identityOf: eventIdentity,
    onItems: (items) => handlers.onItems(items),
    onState: handlers.onState,
    signal: options.signal,
    backoffMs: options.backoffMs,
    wrapResponse: options.wrapResponse,
    silenceMs: options.silenceMs,
    clock: options.clock,
  });
}

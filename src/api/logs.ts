import { apiRequest, apiStream } from './client';
import type { RequestOptions } from './client';
import { logListSchema, logSchema } from './schemas/log';
import type { Log } from './schemas/log';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';
import { followJsonStream } from './stream';
import type { FollowOptions, StreamHandlers } from './stream-handlers';

export interface ContainerLogsQuery {
  /** Default 100, at most 10 000. */
  limit?: number;
  /** ISO time; keeps logs strictly after it. Ignored by the master when `from` is given. */
  since?: string;
  /** A log id; keeps logs after it. */
  from?: string;
  /** Instance number. */
  instance?: number;
  /** Exact container name, e.g. "redis-1". */
  container?: string;
}

/** The most recent `limit` logs (or the first `limit` after `from`), oldest first. */
export async function getContainerLogs(ref: ServiceRef, query?: ContainerLogsQuery & RequestOptions): Promise<Log[]> {
  const { logs } = await apiRequest(logListSchema, servicePath(ref, 'container_logs'), {
    query: {
      limit: query?.limit,
      since: query?.since,
      from: query?.from,
      instance: query?.instance,
      container: query?.container,
    },
    signal: query?.signal,
  });
  return logs;
}

/**
 * Tails the service's logs. After a drop it resumes with `from=<last id>`, which the
 * master answers with every later log (10 000 a pass), so nothing is lost or repeated.
 */
export function followContainerLogs(
  ref: ServiceRef,
  options: ContainerLogsQuery & FollowOptions,
  handlers: StreamHandlers<Log>,
): Promise<void> {
  const path = servicePath(ref, 'container_logs');
  const filters = { instance: options.instance, container: options.container };
  return followJsonStream<Log>({
    open: (cursor, signal) =>
      apiStream(
        path,
        cursor === null
          ? { follow: 1, limit: options.limit, since: options.since, from: options.from, ...filters }
          : { follow: 1, from: cursor, ...filters },
        signal,
      ),
    parse: (item) => logSchema.parse(item),
    cursorOf: (log) => log.id,
    onItems: (items) => handlers.onItems(items),
    onState: handlers.onState,
    signal: options.signal,
    backoffMs: options.backoffMs,
  });
}

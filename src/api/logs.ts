import { apiRequest, apiStream } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import type { QueryParams } from './path';
import { logListSchema, logSchema } from './schemas/log';
import type { Log } from './schemas/log';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';
import { followJsonStream } from './stream';
import type { FollowOptions, StreamHandlers } from './stream-handlers';

/**
 * Whose logs: one service, a stack or a whole grid. One handler serves the three
 * endpoints; only the filters they know differ (docs/kontena-api.md §4.11).
 */
export type LogScope =
  { kind: 'service'; ref: ServiceRef } | { kind: 'stack'; grid: string; stack: string } | { kind: 'grid'; grid: string };

interface ContainerLogsQuery {
  /** Default 100, at most 10 000. */
  limit?: number;
  /** ISO time; keeps logs strictly after it. Ignored by the master when `from` is given. */
  since?: string;
  /** A log id; keeps logs after it. */
  from?: string;
  /** Instance number. Service scope only: left out for a stack or a grid. */
  instance?: number;
  /** Exact container name, e.g. "redis-1". Service and stack scopes only: left out for a grid. */
  container?: string;
}

/** `/v1/services/G/S/N/container_logs`, `/v1/stacks/G/S/container_logs` or `/v1/grids/G/container_logs`. */
function containerLogsPath(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return servicePath(scope.ref, 'container_logs');
    case 'stack':
      return apiPath`/v1/stacks/${scope.grid}/${scope.stack}/container_logs`;
    case 'grid':
      return apiPath`/v1/grids/${scope.grid}/container_logs`;
  }
}

/** The filters of `query` that the scope's endpoint knows. */
function scopeFilters(scope: LogScope, query: ContainerLogsQuery | undefined): QueryParams {
  return {
    instance: scope.kind === 'service' ? query?.instance : undefined,
    container: scope.kind === 'grid' ? undefined : query?.container,
  };
}

/** The scope's most recent `limit` logs (or the first `limit` after `from`), oldest first. */
export async function getLogs(scope: LogScope, query?: ContainerLogsQuery & RequestOptions): Promise<Log[]> {
  const { logs } = await apiRequest(logListSchema, containerLogsPath(scope), {
    query: { limit: query?.limit, since: query?.since, from: query?.from, ...scopeFilters(scope, query) },
    signal: query?.signal,
  });
  return logs;
}

/**
 * Tails the scope's logs. After a drop it resumes with `from=<last id>`, which the
 * master answers with every later log (10 000 a pass), so nothing is lost or repeated.
 * `options.wrapResponse` may pace each response body (the log viewer does).
 */
export function followLogs(scope: LogScope, options: ContainerLogsQuery & FollowOptions, handlers: StreamHandlers<Log>): Promise<void> {
  const path = containerLogsPath(scope);
  const filters = scopeFilters(scope, options);
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
    wrapResponse: options.wrapResponse,
    silenceMs: options.silenceMs,
    clock: options.clock,
  });
}

/**
 * Where a log view's lines come from: one service (`/v1/services/G/S/N/container_logs`,
 * with `instance`), a stack or a whole grid (same handler, other filters, kontena-api.md
 * §4.11). All three are followed with api/stream.ts's reader (resume with
 * `from=<last id>`, backoff), as api/logs.ts's followContainerLogs does, with one
 * difference: the body is paced (lib/paced-body.ts) so a burst cannot starve the
 * terminal and the page of the main thread.
 */
import { apiRequest, apiStream } from '../../api/client';
import { getContainerLogs } from '../../api/logs';
import { apiPath } from '../../api/path';
import type { QueryParams } from '../../api/path';
import { logListSchema, logSchema } from '../../api/schemas/log';
import type { Log } from '../../api/schemas/log';
import { serviceDisplayName, servicePath } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { followJsonStream } from '../../api/stream';
import type { FollowOptions, StreamHandlers } from '../../api/stream-handlers';
import { pacedResponse } from '../../lib/paced-body';
import type { PaceOptions } from '../../lib/paced-body';

export type LogScope = { kind: 'service'; ref: ServiceRef } | { kind: 'stack'; grid: string; stack: string } | { kind: 'grid'; grid: string };

export interface LogWindow {
  /** Initial lines (`limit`), 1–10 000. */
  limit: number;
  /** ISO time: only logs after it. */
  since?: string;
  /** Service scope only: one instance, filtered by the master like `--instance`. */
  instance?: number;
}

/** A stable text key of a scope, for React keys and session identity. */
export function scopeKey(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return `service:${scope.ref.grid}/${scope.ref.stack}/${scope.ref.name}`;
    case 'stack':
      return `stack:${scope.grid}/${scope.stack}`;
    case 'grid':
      return `grid:${scope.grid}`;
  }
}

/** "production-shop.web": how downloads are named. */
export function scopeFileLabel(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return `${scope.ref.grid}-${serviceDisplayName(scope.ref).replace('/', '.')}`;
    case 'stack':
      return `${scope.grid}-${scope.stack}`;
    case 'grid':
      return scope.grid;
  }
}

/** "shop/web", "stack shop", "grid production": how the view is named to people. */
export function scopeTitle(scope: LogScope): string {
  switch (scope.kind) {
    case 'service':
      return serviceDisplayName(scope.ref);
    case 'stack':
      return `stack ${scope.stack}`;
    case 'grid':
      return `grid ${scope.grid}`;
  }
}

function scopePath(scope: Exclude<LogScope, { kind: 'service' }>): string {
  return scope.kind === 'stack' ? apiPath`/v1/stacks/${scope.grid}/${scope.stack}/container_logs` : apiPath`/v1/grids/${scope.grid}/container_logs`;
}

/**
 * Follows the scope's logs from the window (or from `from`, a log id), reconnecting
 * with backoff and resuming after the last id delivered. Resolves when stopped.
 */
export function followScopeLogs(
  scope: LogScope,
  window: LogWindow & { from?: string },
  options: FollowOptions & { pace?: PaceOptions },
  handlers: StreamHandlers<Log>,
): Promise<void> {
  const path = scope.kind === 'service' ? servicePath(scope.ref, 'container_logs') : scopePath(scope);
  // `instance` exists on the service endpoint only.
  const filters = scope.kind === 'service' ? { instance: window.instance } : {};
  return followJsonStream<Log>({
    open: async (cursor, signal) => {
      const query: QueryParams =
        cursor === null ? { follow: 1, limit: window.limit, since: window.since, from: window.from, ...filters } : { follow: 1, from: cursor, ...filters };
      return pacedResponse(await apiStream(path, query, signal), options.pace);
    },
    parse: (item) => logSchema.parse(item),
    cursorOf: (log) => log.id,
    onItems: (items) => handlers.onItems(items),
    onState: handlers.onState,
    signal: options.signal,
    backoffMs: options.backoffMs,
  });
}

/** The window once, without following (a snapshot, or a download of up to 10 000 lines). */
export async function fetchScopeLogs(scope: LogScope, window: LogWindow, signal?: AbortSignal): Promise<Log[]> {
  if (scope.kind === 'service') return getContainerLogs(scope.ref, { limit: window.limit, since: window.since, instance: window.instance, signal });
  const { logs } = await apiRequest(logListSchema, scopePath(scope), { query: { limit: window.limit, since: window.since }, signal });
  return logs;
}

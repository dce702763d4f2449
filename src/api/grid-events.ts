import { apiRequest } from './client';
import type { RequestOptions } from './client';
import type { EventLogsQuery } from './events';
import { apiPath } from './path';
import { eventListSchema } from './schemas/event';
import type { EventLog } from './schemas/event';

/**
 * The grid's event log (docs/kontena-api.md §4.12), not followed: the most recent `limit`
 * events (default 100, at most 10 000), oldest first, optionally only those strictly
 * after `since`. Master deploy events carry the grid and service relationships, so this
 * one request tells which services of the grid are deploying or failed their last deploy.
 */
export async function getGridEventLogs(grid: string, query?: EventLogsQuery & RequestOptions): Promise<EventLog[]> {
  const { logs } = await apiRequest(eventListSchema, apiPath`/v1/grids/${grid}/event_logs`, {
    query: { limit: query?.limit, since: query?.since },
    signal: query?.signal,
  });
  return logs;
}

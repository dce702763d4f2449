import { apiRequest } from './client';
import { metricsSchema, statListSchema } from './schemas/stats';
import type { Metrics, StatRow } from './schemas/stats';
import { servicePath } from './service-ref';
import type { ServiceRef } from './service-ref';

export type StatsSort = 'cpu' | 'memory' | 'rx_bytes' | 'tx_bytes';

/** One row per container with its latest sample, sorted descending by `sort` (default cpu). */
export async function getStats(ref: ServiceRef, options?: { sort?: StatsSort; limit?: number; signal?: AbortSignal }): Promise<StatRow[]> {
  const { stats } = await apiRequest(statListSchema, servicePath(ref, 'stats'), {
    query: { sort: options?.sort, limit: options?.limit },
    signal: options?.signal,
  });
  return stats;
}

function isoTime(value: string | Date | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

/** Per-minute metrics; the master defaults to the last hour. */
export function getMetrics(
  ref: ServiceRef,
  options?: { from?: string | Date; to?: string | Date; signal?: AbortSignal },
): Promise<Metrics> {
  return apiRequest(metricsSchema, servicePath(ref, 'metrics'), {
    query: { from: isoTime(options?.from), to: isoTime(options?.to) },
    signal: options?.signal,
  });
}

import { useMemo } from 'react';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { clientNow } from '../../api/client';
import { metricsQuery, queryKeys } from '../../api/queries';
import type { MetricsPoint } from '../../api/schemas/stats';
import type { ServiceRef } from '../../api/service-ref';
import { getMetrics } from '../../api/stats';
import type { StatsWindow } from './stats-params';
import { WINDOW_SPANS } from './stats-params';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** How often the newest minutes of history are fetched again. */
const HISTORY_TAIL_POLL_MS = MINUTE;

const iso = (ms: number): string => new Date(ms).toISOString();

interface MetricsHistory {
  points: readonly MetricsPoint[];
  /**
   * Changes when a part of the history first arrives (the head, the tail) or the head
   * moves to another hour; not when the newest minutes are polled again (the live
   * samples already draw those).
   */
  revision: string;
  loading: boolean;
  error: unknown;
  retry: () => void;
}

/**
 * Per-minute service metrics for the window. A rolling window is fetched as a head
 * (window start → the current hour, cached for the hour) and a small tail (the hour's
 * complete minutes, refetched every minute), so a 24 h chart does not download 1,440
 * points every minute. A custom window is fetched once.
 */
export function useMetricsHistory(ref: ServiceRef, window: StatsWindow, now: number): MetricsHistory {
  const custom = window.kind === 'custom' ? window : null;
  const span = window.kind === 'custom' ? 0 : WINDOW_SPANS[window.kind];
  const anchor = Math.floor(now / HOUR) * HOUR;

  const head = useQuery({
    ...metricsQuery(ref, custom ? { from: iso(custom.from), to: iso(custom.to) } : { from: iso(anchor - span), to: iso(anchor - 1) }),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

  const tailFrom = iso(anchor);
  const tail = useQuery({
    ...queryOptions({
      queryKey: [...queryKeys.metrics(ref, { from: tailFrom }), 'tail'] as const,
      // Complete minutes only: the current minute is drawn from the live samples.
      queryFn: ({ signal }) => getMetrics(ref, { from: tailFrom, to: iso(Math.floor(clientNow() / MINUTE) * MINUTE - 1), signal }),
    }),
    enabled: custom === null,
    refetchInterval: HISTORY_TAIL_POLL_MS,
    staleTime: HISTORY_TAIL_POLL_MS / 2,
    placeholderData: keepPreviousData,
  });

  const headPoints = head.data?.stats;
  const tailPoints = custom === null ? tail.data?.stats : undefined;
  const points = useMemo(() => {
    if (!tailPoints || tailPoints.length === 0) return headPoints ?? [];
    const byTime = new Map<string, MetricsPoint>();
    for (const p of headPoints ?? []) byTime.set(p.timestamp, p);
    for (const p of tailPoints) byTime.set(p.timestamp, p);
    return [...byTime.values()].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  }, [headPoints, tailPoints]);

  const refetchHead = head.refetch;
  const refetchTail = tail.refetch;
  const headStart = headPoints === undefined ? 'none' : (headPoints[0]?.timestamp ?? 'empty');
  const revision = `${headStart}|${tailPoints === undefined ? 'no tail' : 'tail'}`;
  return {
    points,
    revision,
    loading: head.isPending,
    error: head.error ?? (custom === null ? tail.error : null),
    retry: () => {
      void refetchHead();
      if (custom === null) void refetchTail();
    },
  };
}

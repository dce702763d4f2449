import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { clientNow } from '../../api/client';
import { statsQuery } from '../../api/queries';
import { serviceDisplayName, serviceId } from '../../api/service-ref';
import { Button } from '../../components/button';
import { LoadError } from '../../components/load-error';
import { SkeletonRows } from '../../components/skeleton';
import { StaleNote } from '../../components/stale-note';
import { useNow } from '../../components/use-now';
import { useServiceRef } from '../../components/use-service-ref';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { formatClockTime } from '../../lib/format-time';
import type { ChartedInstance } from './chart-data';
import { instanceLabel } from './instance-stats';
import type { InstanceStat, StatSortKey } from './instance-stats';
import { LiveStats } from './live-stats';
import type { LiveSample } from './live-stats';
import { StatsCharts } from './stats-charts';
import { MAX_CHARTED, parseStatsParams, writeStatsParams } from './stats-params';
import type { StatsParams } from './stats-params';
import { StatsTable } from './stats-table';
import { useMetricsHistory } from './use-metrics-history';
import { WindowPicker } from './window-picker';
import styles from './stats-tab.module.css';

/** `kontena service stats -t` refreshes every 2 s. */
const STATS_POLL_MS = 2_000;
/** Instances charted when the URL names none. */
const DEFAULT_CHARTED = 4;

/** The live samples of one service; a new buffer when the tab shows another service. */
function useLiveStats(id: string): LiveStats {
  const [holder, setHolder] = useState(() => ({ id, live: new LiveStats() }));
  if (holder.id !== id) {
    const next = { id, live: new LiveStats() };
    setHolder(next);
    return next.live;
  }
  return holder.live;
}

/** Which instances the per-instance charts draw: the URL's list, or the first few by number. */
function chartedInstances(params: StatsParams, samples: readonly LiveSample[]): ChartedInstance[] {
  const latest = samples[samples.length - 1];
  if (!latest) return [];
  const names = new Map<number, string>();
  for (let i = samples.length - 1; i >= 0 && names.size < 1000; i--) {
    for (const s of samples[i]?.stats ?? []) if (s.instance !== null && !names.has(s.instance)) names.set(s.instance, s.name);
    if (i < samples.length - 30) break;
  }
  const numbers =
    params.chart !== null
      ? params.chart
      : latest.stats
          .map((s) => s.instance)
          .filter((n): n is number => n !== null)
          .sort((a, b) => a - b)
          .slice(0, DEFAULT_CHARTED);
  const out: ChartedInstance[] = [];
  for (const n of numbers) {
    const name = names.get(n);
    if (name !== undefined) out.push({ name, instance: n, label: instanceLabel({ name, instance: n }), slot: out.length });
  }
  return out;
}

/** The service's Stats tab: `kontena service stats -t` as a live table, plus history charts. */
export function StatsTab() {
  const ref = useServiceRef();
  const id = serviceId(ref);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseStatsParams(searchParams), [searchParams]);
  const setParams = useCallback(
    (patch: Partial<StatsParams>) =>
      setSearchParams((current) => writeStatsParams(current, { ...parseStatsParams(current), ...patch }), URL_VIEW_STATE),
    [setSearchParams],
  );

  const [paused, setPaused] = useState(false);
  const stats = useQuery({ ...statsQuery(ref), refetchInterval: paused ? false : STATS_POLL_MS });
  const live = useLiveStats(id);
  useEffect(() => {
    // Paused means paused: a refetch on window focus does not move the charts either.
    if (stats.data && !paused) live.push(clientNow(), stats.data);
  }, [stats.data, live, paused]);
  const samples = useSyncExternalStore(live.subscribe, live.samples, live.samples);

  // The client's clock (it follows the master's): the windows slide with it.
  const now = useNow(30_000, true, clientNow);
  const history = useMetricsHistory(ref, params.window, now);

  // The charts redraw when the charted set changes, not on every sample: key it by its contents.
  const chartedKey = JSON.stringify(chartedInstances(params, samples));
  const charted = useMemo(() => JSON.parse(chartedKey) as ChartedInstance[], [chartedKey]);
  const slots = useMemo(() => new Map(charted.map((c) => [c.name, c.slot])), [charted]);

  const toggleCharted = useCallback(
    (stat: InstanceStat) => {
      const n = stat.instance;
      if (n === null) return;
      const current = charted.map((c) => c.instance);
      setParams({ chart: current.includes(n) ? current.filter((x) => x !== n) : [...current, n].slice(0, MAX_CHARTED) });
    },
    [charted, setParams],
  );

  const onSort = useCallback(
    (key: StatSortKey) => {
      if (key === params.sort) setParams({ order: params.order === 'asc' ? 'desc' : 'asc' });
      else setParams({ sort: key, order: key === 'instance' ? 'asc' : 'desc' });
    },
    [params.sort, params.order, setParams],
  );

  const chartControl = useMemo(
    () =>
      params.view === 'instances'
        ? { names: new Set(charted.map((c) => c.name)), canAdd: charted.length < MAX_CHARTED, onToggle: toggleCharted }
        : null,
    [params.view, charted, toggleCharted],
  );

  // The last poll failed: the numbers on screen stay, marked as stale, and "Live" is not claimed.
  const stale = stats.data !== undefined && (stats.isRefetchError || stats.failureCount > 0);
  const liveSince = samples[0]?.t ?? null;
  const note =
    history.error !== null ? (
      <div className={styles.note} role="status">
        <p>Could not load the history of this window; live samples are still drawn.</p>
        <Button size="sm" onClick={history.retry}>
          Retry
        </Button>
      </div>
    ) : params.view === 'instances' ? (
      <p className={styles.note}>
        Per-instance lines start when this page began sampling{liveSince !== null ? ` (${formatClockTime(liveSince)})` : ''}: the master
        keeps history only for the service as a whole.
      </p>
    ) : history.loading ? (
      <p className={styles.note} role="status">
        Loading history…
      </p>
    ) : null;

  return (
    <div className={styles.tab}>
      <title>{`Stats · ${serviceDisplayName(ref)} · Kontena`}</title>
      <div className={styles.toolbar}>
        <h2 className={styles.heading}>Stats</h2>
        <WindowPicker window={params.window} now={now} onChange={(window) => setParams({ window })} />
        <div role="group" aria-label="Chart lines" className={styles.segmented}>
          <button
            type="button"
            className={styles.segment}
            aria-pressed={params.view === 'service'}
            onClick={() => setParams({ view: 'service' })}
          >
            Service total
          </button>
          <button
            type="button"
            className={styles.segment}
            aria-pressed={params.view === 'instances'}
            onClick={() => setParams({ view: 'instances' })}
          >
            Per instance
          </button>
        </div>
        <div className={styles.liveControls}>
          <span className={styles.liveState} data-live={!paused && !stale}>
            <span className={styles.liveDot} aria-hidden="true" />
            {paused ? 'Paused' : stale ? 'Not updating' : `Live · every ${STATS_POLL_MS / 1000} s`}
          </span>
          <Button size="sm" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
            {paused ? 'Resume' : 'Pause'}
          </Button>
        </div>
      </div>

      {stale && (
        <StaleNote updatedAt={stats.dataUpdatedAt} error={stats.error ?? stats.failureReason} onRetry={() => void stats.refetch()} />
      )}

      {stats.data === undefined && stats.isError && (
        <LoadError
          what="the stats"
          error={stats.error}
          retrying={stats.isFetching}
          onRetry={() => void stats.refetch()}
          notFound={{ title: `There is no service “${serviceDisplayName(ref)}”`, text: 'It may have been removed.' }}
        />
      )}

      {!(stats.data === undefined && stats.isError) && (
        <>
          <StatsCharts
            samples={samples}
            history={history.points}
            historyRevision={history.revision}
            window={params.window}
            view={params.view}
            charted={charted}
            now={now}
            note={note}
          />
          <section aria-label="Instances" className={styles.tableSection}>
            {samples.length === 0 ? (
              <div>
                <p role="status" className="visually-hidden">
                  Loading stats…
                </p>
                <SkeletonRows />
              </div>
            ) : (
              <StatsTable samples={samples} sort={params.sort} order={params.order} onSort={onSort} chart={chartControl} slots={slots} />
            )}
          </section>
        </>
      )}
    </div>
  );
}

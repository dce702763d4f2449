import { lazy, Suspense, useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { gridMetricsQuery } from '../../api/grid-queries';
import { Button } from '../../components/button';
import { Panel } from '../../components/panel';
import { SkeletonRows } from '../../components/skeleton';
import { StaleNote } from '../../components/stale-note';
import { useNow } from '../../components/use-now';
import { MetricsWindowPicker, useMetricsWindow } from '../../components/grid-metrics/window-picker';
import { METRICS_WINDOWS } from '../../lib/metrics-series';
import { gridRows } from './grid-chart-data';
import styles from './overview.module.css';

// Recharts loads with this chunk, after the rest of the page has painted.
const GridCharts = lazy(async () => ({ default: (await import('./grid-charts')).GridCharts }));

const MINUTE = 60_000;

/** The grid's CPU, memory and network over 1 h, 6 h or 24 h (`?window=` in the URL), a minute fresh. */
export function ChartsSection({ grid }: { grid: string }) {
  const [window, choose] = useMetricsWindow();
  // Whole minutes: the master's metrics are per minute, and the query key changes once a minute.
  const now = Math.floor(useNow(MINUTE) / MINUTE) * MINUTE;
  const from = now - METRICS_WINDOWS[window];
  const query = useQuery({
    ...gridMetricsQuery(grid, { from: new Date(from).toISOString() }),
    placeholderData: keepPreviousData,
    refetchInterval: MINUTE,
  });
  const rows = useMemo(() => gridRows(query.data), [query.data]);

  return (
    <Panel id="overview-charts" title="Grid load" tools={<MetricsWindowPicker window={window} onChange={choose} compact />}>
      {query.isError && query.data !== undefined && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.isError && query.data === undefined ? (
        <p className={styles.panelNote} role="alert">
          The grid’s metrics could not be loaded.{' '}
          <Button size="sm" onClick={() => void query.refetch()}>
            Retry
          </Button>
        </p>
      ) : query.data === undefined ? (
        <div className={styles.panelNote}>
          <p role="status" className="visually-hidden">
            Loading the grid’s metrics…
          </p>
          <SkeletonRows rows={3} />
        </div>
      ) : (
        <Suspense fallback={<SkeletonRows rows={3} />}>
          <GridCharts rows={rows} from={from} to={now} />
        </Suspense>
      )}
    </Panel>
  );
}

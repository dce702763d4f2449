/**
 * /grids/:grid/services: every service of the grid, live, with every lifecycle action.
 * The page composes its pieces, each in a file named for what it holds:
 * - use-services-view-state: the URL's view (sort, filters, refresh) and the filter box;
 * - use-service-rows: the grid's services as rows, sorted and filtered;
 * - use-selection: the selected services; use-bulk-actions: an action over them;
 * - deploy-panel-state: the deploys in flight (started on any page) as the tray and rows show them;
 * - services-page-header, services-toolbar, services-grid, deploy-tray, bulk-bar,
 *   bulk-results, services-dialogs: what is on screen; use-page-shortcuts: ? and f.
 */
import { Suspense, lazy, useCallback, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { refOfService } from '../../api/service-ref';
import { Button } from '../../components/button';
import { LoadError } from '../../components/load-error';
import { SkeletonRows } from '../../components/skeleton';
import { StaleNote } from '../../components/stale-note';
import { useNow } from '../../components/use-now';
import { formatServicePath } from '../../lib/format-path';
import { defaultDir } from '../../lib/service-list-view';
import type { SortKey } from '../../lib/service-list-view';
import { BulkBar } from './bulk-bar';
import type { BulkKind } from './bulk-bar';
import { useGridDeployPanels } from './deploy-panel-state';
import { simpleAction } from './row-actions';
import type { RowActionKind } from './row-actions';
import { ServicesDialogs } from './services-dialogs';
import type { ListDialog } from './services-dialogs';
import { ServicesGrid } from './services-grid';
import { ServicesPageHeader } from './services-page-header';
import { ServicesToolbar } from './services-toolbar';
import { useBulkActions } from './use-bulk-actions';
import { useLifecycle } from './use-lifecycle';
import { usePageShortcuts } from './use-page-shortcuts';
import { useSelection } from './use-selection';
import { useServiceRows } from './use-service-rows';
import type { Row } from './use-service-rows';
import { useFilterText, useListView } from './use-services-view-state';
import styles from './services.module.css';

// Shown only after an action: loaded on first use, so the first paint of the list carries none of it.
const BulkResults = lazy(async () => ({ default: (await import('./bulk-results')).BulkResults }));
const DeployTray = lazy(async () => ({ default: (await import('./deploy-tray')).DeployTray }));

function ServicesView({ grid }: { grid: string }) {
  const navigate = useNavigate();
  const [view, setView] = useListView();
  const { text, setText, deferredText } = useFilterText(view, setView);
  const { query, allRows, shown, stateCounts, stacks, columns } = useServiceRows(grid, view, deferredText);
  const { selected, selectedRows, hiddenSelected, onToggle, onSelectMany, onClearSelection, keepSelected } = useSelection(allRows, shown);
  const deploys = useGridDeployPanels(grid);
  const run = useLifecycle();
  const { bulk, bulkProgress, runBulk, retryFailed, dismissBulk } = useBulkActions(run, allRows, keepSelected);
  const now = useNow(30_000);

  const [dialog, setDialog] = useState<ListDialog>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const openHelp = useCallback(() => setDialog({ kind: 'help' }), []);
  usePageShortcuts(openHelp, filterRef);

  const onAction = useCallback(
    (row: Row, kind: RowActionKind) => {
      if (kind === 'scale') setDialog({ kind: 'scale', row });
      else if (kind === 'remove') setDialog({ kind: 'remove', rows: [row] });
      else void run(refOfService(row.service), simpleAction(kind)).catch(() => undefined);
    },
    [run],
  );
  const onOpen = useCallback((row: Row) => navigate(formatServicePath(refOfService(row.service))), [navigate]);
  const onSort = useCallback(
    (key: SortKey) => setView({ sort: key, dir: key === view.sort ? (view.dir === 'asc' ? 'desc' : 'asc') : defaultDir(key) }),
    [setView, view.sort, view.dir],
  );
  const onToggleState = useCallback(
    (state: string) => setView({ states: view.states.includes(state) ? view.states.filter((s) => s !== state) : [...view.states, state] }),
    [setView, view.states],
  );
  const onStack = useCallback((stack: string | null) => setView({ stack }), [setView]);
  const onRefresh = useCallback((refresh: number) => setView({ refresh }), [setView]);
  const refetch = query.refetch;
  const onRefreshNow = useCallback(() => void refetch(), [refetch]);

  const onBulk = (kind: BulkKind) => {
    if (selectedRows.length === 0) return;
    if (kind === 'remove') setDialog({ kind: 'remove', rows: selectedRows });
    else void runBulk(simpleAction(kind), selectedRows);
  };

  const total = allRows?.length ?? 0;

  return (
    <div className={styles.page}>
      <title>{`Services · ${grid} · Kontena`}</title>
      <ServicesPageHeader grid={grid} counts={allRows === null ? null : { total, shown: shown.length }} onShortcuts={openHelp} />

      <ServicesToolbar
        filterRef={filterRef}
        text={text}
        onText={setText}
        states={view.states}
        stateCounts={stateCounts}
        onToggleState={onToggleState}
        stack={view.stack}
        stacks={stacks}
        onStack={onStack}
        refresh={view.refresh}
        onRefresh={onRefresh}
        updatedAt={query.dataUpdatedAt}
        fetching={query.isFetching}
        onRefreshNow={onRefreshNow}
      />

      {allRows !== null && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}

      <Suspense fallback={null}>
        {deploys.tray.length > 0 && <DeployTray entries={deploys.tray} />}
        {bulk !== null && (
          <BulkResults result={bulk.result} followed={bulk.action.kind === 'deploy'} onRetryFailed={retryFailed} onDismiss={dismissBulk} />
        )}
      </Suspense>
      {selected.size > 0 && (
        <BulkBar count={selected.size} hidden={hiddenSelected} progress={bulkProgress} onAction={onBulk} onClear={onClearSelection} />
      )}

      {allRows === null && query.isPending && (
        <div className={styles.panel}>
          <p role="status" className="visually-hidden">
            Loading services…
          </p>
          <SkeletonRows rows={10} />
        </div>
      )}

      {allRows === null && query.isError && (
        <LoadError
          what="the services"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{
            title: `There is no grid “${grid}”`,
            text: 'It may have been removed, or the address is mistyped. Pick a grid from the switcher above.',
          }}
        />
      )}

      {allRows !== null && total === 0 && (
        <div className={styles.empty}>
          <h2 className={styles.emptyTitle}>No services in this grid yet</h2>
          <p>
            Create one with <code>kontena service create NAME IMAGE</code>, or deploy a stack with <code>kontena stack install</code>.
          </p>
        </div>
      )}

      {allRows !== null && total > 0 && (
        <ServicesGrid
          grid={grid}
          rows={shown}
          sort={view.sort}
          dir={view.dir}
          onSort={onSort}
          selected={selected}
          onToggle={onToggle}
          onSelectMany={onSelectMany}
          onClearSelection={onClearSelection}
          tracked={deploys.byService}
          now={now}
          onAction={onAction}
          onOpen={onOpen}
          columns={columns}
          empty={
            <p className={styles.noMatch} role="status">
              No service matches the filter.{' '}
              <Button
                size="sm"
                onClick={() => {
                  setText('');
                  setView({ q: '', states: [], stack: null });
                }}
              >
                Clear the filter
              </Button>
            </p>
          }
        />
      )}

      <Suspense fallback={null}>
        <ServicesDialogs
          dialog={dialog}
          run={run}
          runBulkRemove={(rows) => runBulk({ kind: 'remove' }, rows)}
          filterRef={filterRef}
          onClose={() => setDialog(null)}
        />
      </Suspense>
    </div>
  );
}

/** /grids/:grid/services — every service of the grid, live, with every lifecycle action. */
export function ServicesPage() {
  const { grid = '' } = useParams();
  // A different grid is a different list: filter box, selection and dialogs start afresh.
  return <ServicesView key={grid} grid={grid} />;
}

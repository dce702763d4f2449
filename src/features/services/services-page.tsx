import { Suspense, lazy, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useNavigationType, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { servicesQuery } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import { refOfService } from '../../api/service-ref';
import { buttonClassName, Button } from '../../components/button';
import { LoadError } from '../../components/load-error';
import { SkeletonRows } from '../../components/skeleton';
import { StaleNote } from '../../components/stale-note';
import { showToast } from '../../components/toasts';
import { useNow } from '../../components/use-now';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { formatServicePath, formatServicesPath } from '../../lib/format-path';
import { runEach } from '../../lib/run-each';
import { shareById } from '../../lib/share-by-id';
import { columnChars } from '../../lib/service-columns';
import { defaultDir, parseListView, writeListView } from '../../lib/service-list-view';
import type { ListView, SortKey } from '../../lib/service-list-view';
import { countStates, filterServiceRows, sortServiceRows, stacksOf, toServiceRows } from '../../lib/service-rows';
import type { ServiceRow } from '../../lib/service-rows';
import { BulkBar } from './bulk-bar';
import type { BulkKind } from './bulk-bar';
import type { BulkResult } from './bulk-results';
import { DeployWatchers } from './deploy-watchers';
import { actionAcceptedText, actionTitle, describeActionError } from './lifecycle';
import type { LifecycleAction } from './lifecycle';
import type { RowActionKind } from './row-actions';
import { ServicesGrid } from './services-grid';
import { ServicesToolbar } from './services-toolbar';
import { followQuietly, useTrackedDeploys } from './tracked-deploys';
import type { TrackedDeploy } from './tracked-deploys';
import { useLifecycle } from './use-lifecycle';
import styles from './services.module.css';

type Row = ServiceRow<Service>;

// Shown only after an action: loaded on first use, so the first paint of the list carries none of it.
const BulkResults = lazy(async () => ({ default: (await import('./bulk-results')).BulkResults }));
const DeployTray = lazy(async () => ({ default: (await import('./deploy-tray')).DeployTray }));
const RemoveDialog = lazy(async () => ({ default: (await import('./remove-dialog')).RemoveDialog }));
const ScaleDialog = lazy(async () => ({ default: (await import('./scale-dialog')).ScaleDialog }));
const ShortcutsHelp = lazy(async () => ({ default: (await import('./shortcuts-help')).ShortcutsHelp }));

/** Rows by service object: a refresh that kept a service object (structural sharing) keeps its row. */
const rowCache = new WeakMap<Service, Row>();

const isServiceList = (value: unknown): value is Service[] => Array.isArray(value);

/** Keeps every unchanged service object of the previous answer (see lib/share-by-id: replaceEqualDeep is slow at 5,000). */
function shareServices(previous: unknown, next: unknown): unknown {
  return isServiceList(next) && (previous === undefined || isServiceList(previous)) ? shareById(previous, next) : next;
}

/** Bulk actions run this many requests at a time. */
const BULK_CONCURRENCY = 4;
/** The filter box writes the URL this long after the last keystroke (the list filters at once). */
const URL_WRITE_DELAY_MS = 300;

type Dialog = { kind: 'scale'; row: Row } | { kind: 'remove'; rows: readonly Row[] } | { kind: 'help' } | null;

function simpleAction(kind: Exclude<RowActionKind, 'scale' | 'remove'>): LifecycleAction {
  switch (kind) {
    case 'deploy':
      return { kind: 'deploy', force: false };
    case 'force-deploy':
      return { kind: 'deploy', force: true };
    default:
      return { kind };
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [role="menu"], dialog') !== null);
}

function rowElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-row-id="${id.replace(/["\\]/g, '\\$&')}"]`);
}

/**
 * The view state of the URL, and a setter that writes it back (replacing, so Back leaves
 * the page). Writes build on the last view written rather than on the URL this render
 * saw: the router commits navigations in a transition, so two quick writes (a keystroke's
 * and a chip's) would otherwise each start from the same old URL and undo each other.
 */
function useListView(): [ListView, (patch: Partial<ListView>) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const view = useMemo(() => parseListView(params), [params]);
  const desired = useRef<ListView | null>(null);
  useEffect(() => {
    // A link or Back/Forward (not one of our replaces): the URL is the truth again.
    if (navigationType !== 'REPLACE') desired.current = null;
  }, [location.key, navigationType]);
  const update = useCallback(
    (patch: Partial<ListView>) =>
      setParams(
        (current) => {
          const next = { ...(desired.current ?? parseListView(current)), ...patch };
          desired.current = next;
          return writeListView(next, current);
        },
        URL_VIEW_STATE,
      ),
    [setParams],
  );
  return [view, update];
}

function ServicesView({ grid }: { grid: string }) {
  const navigate = useNavigate();
  const [view, setView] = useListView();
  const query = useQuery({ ...servicesQuery(grid), refetchInterval: view.refresh > 0 ? view.refresh * 1000 : false, structuralSharing: shareServices });
  const run = useLifecycle();
  const now = useNow(30_000);

  // Filter text: the list follows every keystroke, the URL follows once typing pauses.
  // The box follows the URL only when the user navigated (a link, Back): our own writes
  // replace the entry, and must never pull the box back to an older value.
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(view.q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE' && view.q !== text) setText(view.q);
  }
  useEffect(() => {
    if (text === view.q) return;
    const timer = setTimeout(() => setView({ q: text }), URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, view.q, setView]);
  const deferredText = useDeferredValue(text);

  // Rows keep their identity across refreshes where the service did not change.
  const allRows = useMemo(() => (query.data ? toServiceRows(query.data, rowCache) : null), [query.data]);
  const sorted = useMemo(() => (allRows ? sortServiceRows(allRows, view.sort, view.dir) : []), [allRows, view.sort, view.dir]);
  const shown = useMemo(() => filterServiceRows(sorted, { q: deferredText, states: view.states, stack: view.stack }), [sorted, deferredText, view.states, view.stack]);
  const stateCounts = useMemo(() => countStates(allRows ?? []), [allRows]);
  const stacks = useMemo(() => stacksOf(allRows ?? []), [allRows]);
  const columns = useMemo(() => columnChars(allRows ?? []), [allRows]);

  // Selection by service id: it survives refreshes, sorting and filtering.
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(() => new Set());
  const selected = useMemo(() => {
    if (!allRows || selectedIds.size === 0) return selectedIds;
    const live = new Set(allRows.map((r) => r.id));
    const kept = [...selectedIds].filter((id) => live.has(id));
    return kept.length === selectedIds.size ? selectedIds : new Set(kept);
  }, [allRows, selectedIds]);
  const selectedRows = useMemo(() => (allRows ?? []).filter((r) => selected.has(r.id)), [allRows, selected]);
  // Runs per keystroke over every shown row: no work (and no Set of 5,000 ids) while nothing is selected.
  const hiddenSelected = useMemo(() => {
    if (selectedRows.length === 0) return 0;
    let shownSelected = 0;
    for (const row of shown) if (selected.has(row.id)) shownSelected += 1;
    return selectedRows.length - shownSelected;
  }, [shown, selected, selectedRows]);

  const onToggle = useCallback((id: string) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const onSelectMany = useCallback((ids: readonly string[], select: boolean) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const onClearSelection = useCallback(() => setSelectedIds(new Set()), []);

  const trackedAll = useTrackedDeploys();
  const trackedHere = useMemo(() => trackedAll.filter((t) => t.ref.grid === grid), [trackedAll, grid]);
  const trackedById = useMemo(() => new Map<string, TrackedDeploy>(trackedHere.map((t) => [t.serviceId, t])), [trackedHere]);
  const trayEntries = useMemo(() => trackedHere.filter((t) => !t.dismissed), [trackedHere]);

  const [dialog, setDialog] = useState<Dialog>(null);
  const [bulkProgress, setBulkProgress] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ result: BulkResult; action: LifecycleAction } | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

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
  const onToggleState = useCallback((state: string) => setView({ states: view.states.includes(state) ? view.states.filter((s) => s !== state) : [...view.states, state] }), [setView, view.states]);
  const onStack = useCallback((stack: string | null) => setView({ stack }), [setView]);
  const onRefresh = useCallback((refresh: number) => setView({ refresh }), [setView]);
  const refetch = query.refetch;
  const onRefreshNow = useCallback(() => void refetch(), [refetch]);

  /** One action over many services; a result per service, and one toast that sums it up. */
  const runBulk = async (action: LifecycleAction, rows: readonly Row[]): Promise<void> => {
    const title = `${actionTitle(action)} of ${rows.length} service${rows.length === 1 ? '' : 's'}`;
    let settled = 0;
    setBulk(null);
    setBulkProgress(`${actionTitle(action)}: 0 of ${rows.length}…`);
    // A bulk deploy's good finishes are summed up in the tray, not told in a toast each.
    const endQuiet = followQuietly(action.kind === 'deploy' ? rows.map((row) => row.id) : []);
    const outcomes = await runEach(
      rows,
      BULK_CONCURRENCY,
      (row) => run(refOfService(row.service), action, { toastOnError: false, toastOnSuccess: false }),
      () => {
        settled += 1;
        setBulkProgress(`${actionTitle(action)}: ${settled} of ${rows.length}…`);
      },
    ).finally(endQuiet);
    setBulkProgress(null);
    const items = rows.map((row, i) => {
      const outcome = outcomes[i];
      const ok = outcome?.ok === true;
      return { id: row.id, label: row.label, ok, message: ok ? actionAcceptedText(action, row.label) : describeActionError(outcome?.ok === false ? outcome.error : null, row.label) };
    });
    setBulk({ result: { title, items }, action });
    const failed = items.filter((i) => !i.ok).length;
    showToast(
      failed === 0
        ? { tone: 'success', title: `${title}: all ${action.kind === 'deploy' ? 'sent' : 'done'}` }
        : { tone: 'error', title: `${title}: ${failed} failed`, body: 'See the results above the list.' },
    );
    if (action.kind === 'remove') setSelectedIds((current) => new Set([...current].filter((id) => items.some((i) => i.id === id && !i.ok))));
  };

  const onBulk = (kind: BulkKind) => {
    if (selectedRows.length === 0) return;
    if (kind === 'remove') setDialog({ kind: 'remove', rows: selectedRows });
    else void runBulk(simpleAction(kind), selectedRows);
  };

  const retryFailed = () => {
    if (!bulk || !allRows) return;
    const failedIds = new Set(bulk.result.items.filter((i) => !i.ok).map((i) => i.id));
    const rows = allRows.filter((r) => failedIds.has(r.id));
    if (rows.length > 0) void runBulk(bulk.action, rows);
  };

  // Page-wide keys: ? for the help, f for the filter box (never while typing or in a dialog).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setDialog({ kind: 'help' });
      } else if (event.key === 'f') {
        event.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const total = allRows?.length ?? 0;
  const closeDialog = () => setDialog(null);

  return (
    <div className={styles.page}>
      <title>{`Services · ${grid} · Kontena`}</title>
      <header className={styles.header}>
        <h1>Services</h1>
        <p className={styles.subtitle}>
          Grid <strong>{grid}</strong>
          {allRows !== null && (
            <>
              {' · '}
              {shown.length === total ? `${total} service${total === 1 ? '' : 's'}` : `${shown.length} of ${total} services`}
            </>
          )}
        </p>
        <div className={styles.headerActions}>
          <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: 'help' })} aria-keyshortcuts="?">
            Shortcuts <kbd aria-hidden="true">?</kbd>
          </Button>
          <Link to={`${formatServicesPath(grid)}/new`} className={buttonClassName('primary', 'sm')}>
            New service
          </Link>
        </div>
      </header>

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
        {trayEntries.length > 0 && <DeployTray entries={trayEntries} />}
        {bulk !== null && <BulkResults result={bulk.result} followed={bulk.action.kind === 'deploy'} onRetryFailed={retryFailed} onDismiss={() => setBulk(null)} />}
      </Suspense>
      {selected.size > 0 && <BulkBar count={selected.size} hidden={hiddenSelected} progress={bulkProgress} onAction={onBulk} onClear={onClearSelection} />}

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
          notFound={{ title: `There is no grid “${grid}”`, text: 'It may have been removed, or the address is mistyped. Pick a grid from the switcher above.' }}
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
        <>
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
            tracked={trackedById}
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
        </>
      )}

      <Suspense fallback={null}>
        {dialog?.kind === 'scale' && (
          <ScaleDialog
            name={dialog.row.label}
            current={dialog.row.service.instances}
            strategy={dialog.row.service.strategy}
            onScale={(instances) => run(refOfService(dialog.row.service), { kind: 'scale', instances }, { toastOnError: false })}
            onClose={closeDialog}
            returnFocusTo={() => rowElement(dialog.row.id)}
          />
        )}
        {dialog?.kind === 'remove' && (
          <RemoveDialog
            names={dialog.rows.map((r) => r.label)}
            onRemove={() => {
              const [only] = dialog.rows;
              if (dialog.rows.length === 1 && only) return run(refOfService(only.service), { kind: 'remove' }, { toastOnError: false });
              return runBulk({ kind: 'remove' }, dialog.rows);
            }}
            onClose={closeDialog}
            returnFocusTo={() => (dialog.rows.length === 1 && dialog.rows[0] ? rowElement(dialog.rows[0].id) : null) ?? filterRef.current}
          />
        )}
        {dialog?.kind === 'help' && <ShortcutsHelp onClose={closeDialog} />}
      </Suspense>

      <DeployWatchers />
    </div>
  );
}

/** /grids/:grid/services — every service of the grid, live, with every lifecycle action. */
export function ServicesPage() {
  const { grid = '' } = useParams();
  // A different grid is a different list: filter box, selection and dialogs start afresh.
  return <ServicesView key={grid} grid={grid} />;
}

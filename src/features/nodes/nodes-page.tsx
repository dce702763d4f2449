import { useCallback, useId, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { clientNow } from '../../api/client';
import { nodesQuery } from '../../api/queries';
import { Freshness } from '../../components/freshness';
import { LoadError } from '../../components/load-error';
import { PanelBox, PanelLoading } from '../../components/panel';
import { StaleNote } from '../../components/stale-note';
import { useNow } from '../../components/use-now';
import { nodeRow, viewRows } from './node-rows';
import { defaultDir } from './nodes-view';
import type { NodeSortKey, NodeStateFilter } from './nodes-view';
import { NodesTable } from './nodes-table';
import { CLOCK_TICK_MS, NODES_POLL_MS } from './polling';
import { useNodesView } from './use-nodes-view';
import styles from './nodes.module.css';

/** What the node page passes on after removing a node, for the list to say. */
interface RemovedState {
  removed?: string;
}

function removedName(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const removed = (state as RemovedState).removed;
  return typeof removed === 'string' ? removed : null;
}

/**
 * /grids/:grid/nodes — `kontena node ls` and more: every host node with its state (and a
 * clear mark when it stopped reporting), agent version, usage and labels; sorted and
 * filtered from the URL; polled, so a node going offline shows within one poll.
 */
export function NodesPage() {
  const grid = useParams().grid ?? '';
  const location = useLocation();
  const removed = removedName(location.state);
  const query = useQuery({ ...nodesQuery(grid), refetchInterval: NODES_POLL_MS });
  const { view, setView, text, setText } = useNodesView();
  const filterId = useId();
  const stateId = useId();
  const headingId = useId();
  // The client's clock (the master's where they differ): "not reporting" compares the master's timestamps with it.
  const judgedAt = useNow(CLOCK_TICK_MS, true, clientNow);

  const allRows = useMemo(() => (query.data ?? []).map((node) => nodeRow(node, judgedAt)), [query.data, judgedAt]);
  const shown = useMemo(() => viewRows(allRows, { ...view, q: text }), [allRows, view, text]);
  const offline = allRows.filter((r) => r.reporting.kind === 'offline').length;
  const silent = allRows.filter((r) => r.reporting.kind === 'silent').length;

  const onSort = useCallback(
    (key: NodeSortKey) => setView(key === view.sort ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: defaultDir(key) }),
    [setView, view.sort, view.dir],
  );

  const total = allRows.length;
  return (
    <div className={styles.page}>
      <title>{`Nodes · ${grid} · Kontena`}</title>
      <div className={styles.header}>
        <h1>Nodes</h1>
        <p className={styles.subtitle}>
          Host nodes of grid <strong>{grid}</strong>
          {query.data !== undefined && (
            <>
              : {total} {total === 1 ? 'node' : 'nodes'}
              {offline > 0 && <span className={styles.troubleCount}>, {offline} offline</span>}
              {silent > 0 && <span className={styles.troubleCount}>, {silent} not reporting</span>}
            </>
          )}
        </p>
      </div>

      <div className={styles.toolbar}>
        <label htmlFor={filterId} className="visually-hidden">
          Filter nodes by name, label or IP
        </label>
        <input
          id={filterId}
          type="search"
          className={styles.filter}
          placeholder="Filter by name, label, IP…"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={stateId} className={styles.labelled}>
          State
          <select
            id={stateId}
            className={styles.select}
            value={view.state}
            onChange={(e) => setView({ state: e.target.value as NodeStateFilter })}
          >
            <option value="all">All nodes</option>
            <option value="online">Online</option>
            <option value="offline">Offline or not reporting</option>
          </select>
        </label>
        <Freshness at={query.dataUpdatedAt} everyMs={NODES_POLL_MS} fetching={query.isFetching} className={styles.freshness} />
      </div>

      <div role="status" className={removed === null ? undefined : styles.note}>
        {removed !== null && `Removed node ${removed}. The master reschedules its stateless instances on the other nodes.`}
      </div>

      {query.data !== undefined && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}

      {query.data === undefined && query.isPending && <PanelLoading label="Loading the nodes…" rows={5} />}
      {query.data === undefined && query.isError && (
        <LoadError
          what="the nodes"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{ title: `There is no grid “${grid}”`, text: 'Pick another grid from the switcher.' }}
        />
      )}

      {query.data !== undefined && (
        <section className={styles.panel} aria-labelledby={headingId}>
          <h2 id={headingId} className="visually-hidden">
            {shown.length === total ? `${total} nodes` : `${shown.length} of ${total} nodes`}
          </h2>
          {total === 0 ? (
            <PanelBox>
              <p className={styles.empty}>No nodes yet: a node appears when its agent connects with the grid’s token.</p>
            </PanelBox>
          ) : shown.length === 0 ? (
            <p className={styles.empty}>No node matches the filter.</p>
          ) : (
            <NodesTable grid={grid} rows={shown} now={judgedAt} sort={view.sort} dir={view.dir} onSort={onSort} labelledBy={headingId} />
          )}
          {shown.length > 0 && shown.length < total && (
            <p className={styles.footnote}>
              Showing {shown.length} of {total} nodes.
            </p>
          )}
        </section>
      )}
    </div>
  );
}

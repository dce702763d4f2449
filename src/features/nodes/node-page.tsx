import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { clientNow } from '../../api/client';
import { gridContainerSummariesQuery, nodeQuery } from '../../api/grid-queries';
import { nodeRemoveMutation } from '../../api/node-mutations';
import { Button } from '../../components/button';
import { Freshness } from '../../components/freshness';
import { LoadError } from '../../components/load-error';
import { PanelLoading } from '../../components/panel';
import { StaleNote } from '../../components/stale-note';
import { useNow } from '../../components/use-now';
import { formatNodesPath } from '../../lib/format-grid-paths';
import { NodeDetailsPanel, NodeUsagePanel } from './node-facts';
import { MetricsWindowPicker, useMetricsWindow } from '../../components/grid-metrics/window-picker';
import { instancesOnNode } from './node-instances';
import { NodeInstancesPanel } from './node-instances-panel';
import { NodeLabelsPanel } from './node-labels-panel';
import { reportingState } from './node-reporting';
import { CLOCK_TICK_MS, CONTAINERS_POLL_MS, NODES_POLL_MS } from './polling';
import { RemoveNodeDialog } from './remove-node-dialog';
import { ReportingMark } from './reporting-mark';
import { LastChange } from '../../components/last-change';
import styles from './node-page.module.css';
import listStyles from './nodes.module.css';

// Recharts comes with the charts only, after the node's facts are on screen.
const NodeCharts = lazy(() => import('./node-charts').then((m) => ({ default: m.NodeCharts })));

/**
 * /grids/:grid/nodes/:node — `kontena node show` and more: the node's state (marked when
 * it stopped reporting), usage, details, labels (editable), the instances on it linking
 * to their services, its stats over 1/6/24 h, and removing it with what that breaks.
 */
export function NodePage() {
  const params = useParams();
  const grid = params.grid ?? '';
  const name = params.node ?? '';
  const navigate = useNavigate();
  const [chartWindow, setChartWindow] = useMetricsWindow();
  const query = useQuery({ ...nodeQuery(grid, name), refetchInterval: NODES_POLL_MS });
  const containers = useQuery({ ...gridContainerSummariesQuery(grid), refetchInterval: CONTAINERS_POLL_MS });
  const now = useNow(CLOCK_TICK_MS, true, clientNow);
  const [removing, setRemoving] = useState(false);
  const remove = useMutation({
    ...nodeRemoveMutation(grid, name),
    onSuccess: () => void navigate(formatNodesPath(grid), { state: { removed: name } }),
  });
  const statsId = useId();
  const instances = useMemo(
    () => (containers.data === undefined ? undefined : instancesOnNode(grid, containers.data, name)),
    [containers.data, grid, name],
  );
  const node = query.data;
  const reporting = node === undefined ? null : reportingState(node, now);

  return (
    <div className={listStyles.page}>
      <title>{`${name} · Nodes · ${grid} · Kontena`}</title>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link to={formatNodesPath(grid)}>Nodes</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <div className={styles.header}>
        <h1 className={styles.name}>{name}</h1>
        {reporting !== null && <ReportingMark state={reporting} now={now} />}
        <span className={styles.headerEnd}>
          <Freshness at={query.dataUpdatedAt} everyMs={NODES_POLL_MS} fetching={query.isFetching} className={listStyles.freshness} />
          {node !== undefined && (
            <Button
              size="sm"
              onClick={() => {
                remove.reset();
                setRemoving(true);
              }}
            >
              Remove node…
            </Button>
          )}
        </span>
      </div>
      <LastChange grid={grid} resource={{ type: 'HostNode', name }} />

      {node !== undefined && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}

      {reporting !== null && reporting.kind !== 'online' && (
        <div className={styles.trouble} data-state={reporting.kind}>
          <strong>{reporting.kind === 'offline' ? 'This node is offline.' : 'This node stopped reporting.'}</strong>{' '}
          {reporting.kind === 'offline'
            ? 'The master lost its agent: the usage below is its last sample, and its instances are not running until it returns or the scheduler moves them.'
            : 'The master still counts it as connected, but has not heard from its agent for over 2 minutes.'}
        </div>
      )}

      {node === undefined && query.isPending && <PanelLoading label="Loading the node…" rows={6} />}
      {node === undefined && query.isError && (
        <LoadError
          what="the node"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{
            title: `There is no node “${name}” in grid “${grid}”`,
            text: <Link to={formatNodesPath(grid)}>See the grid’s nodes</Link>,
          }}
        />
      )}

      {node !== undefined && (
        <>
          <div className={styles.columns}>
            <NodeUsagePanel node={node} />
            <NodeLabelsPanel grid={grid} node={name} labels={node.labels} />
          </div>
          <NodeInstancesPanel
            instances={instances}
            problem={containers.isError && instances === undefined ? 'Could not read the grid’s containers.' : null}
          />
          <section className={styles.stats} aria-labelledby={statsId}>
            <div className={styles.statsHead}>
              <h2 id={statsId} className={styles.statsTitle}>
                Stats
              </h2>
              <MetricsWindowPicker window={chartWindow} onChange={setChartWindow} />
            </div>
            <Suspense fallback={<PanelLoading label="Loading the charts…" rows={4} />}>
              <NodeCharts grid={grid} node={name} window={chartWindow} />
            </Suspense>
          </section>
          <NodeDetailsPanel node={node} now={now} />
        </>
      )}

      {removing && node !== undefined && (
        <RemoveNodeDialog
          node={name}
          connected={node.connected}
          instances={instances}
          busy={remove.isPending}
          error={remove.error ? remove.error.message : null}
          onConfirm={() => remove.mutate()}
          onCancel={() => setRemoving(false)}
        />
      )}
    </div>
  );
}

import { useMemo } from 'react';
import { useParams } from 'react-router';
import { Freshness } from '../../components/freshness';
import { LoadError } from '../../components/load-error';
import { PanelLoading } from '../../components/panel';
import { StaleNote } from '../../components/stale-note';
import { formatServicesPath } from '../../lib/format-path';
import { AuditPanel } from './audit-panel';
import { ChartsSection } from './charts-section';
import { CountsPanel } from './counts-panel';
import { countNodes, countServices } from './grid-counts';
import { DeploysPanel, deployRows } from './deploys-panel';
import { gridProblems } from './grid-problems';
import { ProblemsPanel } from './problems-panel';
import { TopNodesPanel } from './top-nodes-panel';
import { useOverviewData } from './use-overview-data';
import styles from './overview.module.css';

interface Polled {
  isError: boolean;
  data: unknown;
  dataUpdatedAt: number;
  error: unknown;
  refetch: () => unknown;
}

/** The stale mark of a list that failed its latest poll but still has data on screen. */
function Stale({ query }: { query: Polled }) {
  if (!query.isError || query.data === undefined) return null;
  return <StaleNote updatedAt={query.dataUpdatedAt} error={query.error} onRetry={() => void query.refetch()} />;
}

/**
 * The landing page of a grid: what is wrong first (nodes offline, services down, failed
 * deploys, unhealthy), then the grid in numbers, its load, the busiest nodes, the deploys
 * under way and who changed what. Every figure links to the page that explains it.
 */
export function OverviewPage() {
  const { grid = '' } = useParams();
  const { services, nodes, audit, deploys, inFlight } = useOverviewData(grid);

  const serviceList = services.data;
  const nodeList = nodes.data;
  const found = useMemo(
    () => (serviceList === undefined || nodeList === undefined ? null : gridProblems(serviceList, nodeList, deploys)),
    [serviceList, nodeList, deploys],
  );
  const serviceCounts = useMemo(() => (serviceList === undefined ? undefined : countServices(serviceList)), [serviceList]);
  const nodeCounts = useMemo(() => (nodeList === undefined ? undefined : countNodes(nodeList)), [nodeList]);
  const deploying = useMemo(() => deployRows(inFlight, deploys), [inFlight, deploys]);
  const updatedAt = Math.min(services.dataUpdatedAt || Infinity, nodes.dataUpdatedAt || Infinity);

  const firstError =
    (services.isError && serviceList === undefined && services) || (nodes.isError && nodeList === undefined && nodes) || null;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1>Overview</h1>
        <p className={styles.subtitle}>
          Grid <strong>{grid}</strong>
        </p>
        <Freshness at={Number.isFinite(updatedAt) ? updatedAt : 0} tickMs={5_000} notLoaded={null} />
      </header>
      <Stale query={services} />
      <Stale query={nodes} />
      {firstError ? (
        <LoadError
          what={firstError === services ? 'the services' : 'the nodes'}
          error={firstError.error}
          retrying={firstError.isFetching}
          onRetry={() => void firstError.refetch()}
          notFound={{ title: `No grid “${grid}”`, text: 'This master has no grid by that name, or you are not a member of it.' }}
        />
      ) : found === null ? (
        <PanelLoading label="Loading the grid…" rows={4} />
      ) : (
        <ProblemsPanel
          grid={grid}
          problems={found.problems}
          healthCandidates={found.healthCandidates}
          servicesPath={`${formatServicesPath(grid)}?sort=health`}
        />
      )}
      <CountsPanel grid={grid} counts={{ ...serviceCounts, ...(nodeCounts ? { nodes: nodeCounts } : {}) }} />
      <div className={styles.columns}>
        {nodeList !== undefined ? <TopNodesPanel grid={grid} nodes={nodeList} /> : <PanelLoading label="Loading the nodes…" rows={3} />}
        <DeploysPanel rows={deploying} />
      </div>
      <ChartsSection grid={grid} />
      <Stale query={audit} />
      {audit.data !== undefined ? (
        <AuditPanel grid={grid} entries={audit.data} />
      ) : audit.isError ? (
        <LoadError what="the audit log" error={audit.error} retrying={audit.isFetching} onRetry={() => void audit.refetch()} />
      ) : (
        <PanelLoading label="Loading the latest changes…" rows={3} />
      )}
    </div>
  );
}

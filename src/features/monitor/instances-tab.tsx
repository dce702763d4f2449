import { useCallback, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { containerSummariesQuery, nodesQuery, serviceQuery } from '../../api/queries';
import type { ContainerSummary } from '../../api/schemas/container';
import { serviceDisplayName, serviceId } from '../../api/service-ref';
import { useContainersPoll } from '../../components/containers-poll';
import { LoadError } from '../../components/load-error';
import { SkeletonRows } from '../../components/skeleton';
import { StaleNote } from '../../components/stale-note';
import { useDeploysInFlight } from '../../components/use-deploys-in-flight';
import { useServiceRef } from '../../components/use-service-ref';
import { URL_VIEW_STATE } from '../../components/url-view-state';
import { formatClockTime } from '../../lib/format-time';
import { inferDeployActivity, knownDeployActivity } from './deploy-activity';
import type { DeployActivity } from './deploy-activity';
import { countByStatus, groupByNode, healthCount } from './instance-view';
import { INTERVAL_CHOICES, intervalLabel, parseMonitorParams, writeMonitorParams } from './monitor-params';
import type { MonitorParams } from './monitor-params';
import { NodeCard } from './node-card';
import styles from './monitor.module.css';

/** The grid's nodes change rarely: polled at the chosen interval but at most this often. */
const NODES_MIN_POLL_MS = 10_000;
const EMPTY: readonly ContainerSummary[] = [];

function DeployBanner({ activity }: { activity: DeployActivity }) {
  if (activity.kind === 'known') {
    const { deploy, done, total, failed } = activity;
    return (
      <div className={styles.deploy} role="status">
        <span className={styles.deployMark} aria-hidden="true" />
        <p>
          <strong>Deploy {deploy.state}</strong> · {done} of {total} instances done{failed > 0 ? ` · ${failed} failed` : ''}
        </p>
        {total > 0 && <progress className={styles.deployBar} max={total} value={done} aria-label="Deploy progress" />}
      </div>
    );
  }
  return (
    <div className={styles.deploy} role="status">
      <span className={styles.deployMark} aria-hidden="true" />
      <p>
        <strong>Instances are changing.</strong> {activity.reason}{' '}
        <span className={styles.muted}>(Inferred from the instances: the master does not list deploys.)</span>
      </p>
    </div>
  );
}

function Legend() {
  const items: [string, string][] = [
    ['ok', 'running'],
    ['warn', 'restarting'],
    ['info', 'paused'],
    ['neutral', 'stopped (exit code)'],
    ['danger', 'OOM killed / dead'],
  ];
  return (
    <ul className={styles.legend} aria-label="Legend">
      {items.map(([tone, label]) => (
        <li key={tone} data-tone={tone}>
          <span className={styles.shape} aria-hidden="true" />
          {label}
        </li>
      ))}
      <li>
        <span className={styles.health} data-health="healthy" aria-hidden="true" />
        healthy
      </li>
      <li>
        <span className={styles.health} data-health="unhealthy" aria-hidden="true" />
        unhealthy
      </li>
    </ul>
  );
}

/** The service's Instances tab: `kontena service monitor`, node by node, live. */
export function InstancesTab() {
  const ref = useServiceRef();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseMonitorParams(searchParams), [searchParams]);
  const setParams = useCallback(
    (patch: Partial<MonitorParams>) =>
      setSearchParams((current) => writeMonitorParams(current, { ...parseMonitorParams(current), ...patch }), URL_VIEW_STATE),
    [setSearchParams],
  );
  const intervalMs = params.intervalS * 1000;
  const poll = intervalMs > 0 ? intervalMs : false;

  const service = useQuery({ ...serviceQuery(ref), refetchInterval: poll });
  // The service page's layout polls the containers at this pace for every reader.
  const layoutPolls = useContainersPoll(poll);
  const containers = useQuery({ ...containerSummariesQuery(ref), refetchInterval: layoutPolls ? undefined : poll });
  const nodes = useQuery({ ...nodesQuery(ref.grid), refetchInterval: poll === false ? false : Math.max(NODES_MIN_POLL_MS, intervalMs) });
  // A deploy or scale of this service this browser follows, wherever it was started.
  const serviceKey = serviceId(ref);
  const followed = useDeploysInFlight().find((d) => d.serviceId === serviceKey && d.outcome === null)?.deploy;

  const list = containers.data ?? EMPTY;
  const groups = useMemo(() => (containers.data ? groupByNode(nodes.data, containers.data) : []), [nodes.data, containers.data]);
  const shown = params.hideEmpty ? groups.filter((g) => g.tiles.length > 0) : groups;
  const counts = useMemo(() => countByStatus(list), [list]);
  const health = useMemo(() => healthCount(list), [list]);
  const activity = followed !== undefined ? knownDeployActivity(followed) : inferDeployActivity(service.data, containers.data);

  // Tiles that appear after the first load (of this service) are new instances: they get highlighted.
  const [initial, setInitial] = useState<{ key: string; ids: ReadonlySet<string> } | null>(null);
  if (containers.data && initial?.key !== serviceKey) setInitial({ key: serviceKey, ids: new Set(containers.data.map((c) => c.id)) });
  const initialIds = initial?.key === serviceKey ? initial.ids : null;

  const intervalId = useId();
  const hideId = useId();
  const s = service.data;
  // A daemon's `instances` is per node: "5 instances (1 per node)", not "5 of 1".
  const placed = !s
    ? `${list.length} instances`
    : s.strategy === 'daemon'
      ? `${list.length} instances (${s.instances} per node)`
      : `${list.length} of ${s.instances} instances`;

  return (
    <div className={styles.tab}>
      <title>{`Instances · ${serviceDisplayName(ref)} · Kontena`}</title>
      <div className={styles.toolbar}>
        <h2 className={styles.heading}>Instances</h2>
        <div className={styles.control}>
          <label htmlFor={intervalId}>Refresh</label>
          <select id={intervalId} value={params.intervalS} onChange={(e) => setParams({ intervalS: Number(e.target.value) })}>
            {INTERVAL_CHOICES.map((n) => (
              <option key={n} value={n}>
                {intervalLabel(n)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.control}>
          <input id={hideId} type="checkbox" checked={params.hideEmpty} onChange={(e) => setParams({ hideEmpty: e.target.checked })} />
          <label htmlFor={hideId}>Hide nodes without instances</label>
        </div>
        {containers.dataUpdatedAt > 0 && <span className={styles.updated}>Updated {formatClockTime(containers.dataUpdatedAt)}</span>}
      </div>

      {containers.data !== undefined && (containers.isRefetchError || containers.failureCount > 0) && (
        <StaleNote
          updatedAt={containers.dataUpdatedAt}
          error={containers.error ?? containers.failureReason}
          onRetry={() => void containers.refetch()}
        />
      )}

      {containers.data === undefined && containers.isError && (
        <LoadError
          what="the instances"
          error={containers.error}
          retrying={containers.isFetching}
          onRetry={() => void containers.refetch()}
          notFound={{ title: `There is no service “${serviceDisplayName(ref)}”`, text: 'It may have been removed.' }}
        />
      )}

      {containers.data === undefined && containers.isPending && (
        <div>
          <p role="status" className="visually-hidden">
            Loading instances…
          </p>
          <SkeletonRows />
        </div>
      )}

      {containers.data !== undefined && (
        <>
          <div className={styles.summary}>
            <p>
              <strong>{serviceDisplayName(ref)}</strong> · {placed}
              {s && (
                <>
                  {' '}
                  · strategy {s.strategy} · state {s.state} · stateful {s.stateful ? 'yes' : 'no'}
                </>
              )}
            </p>
            <ul className={styles.counts} aria-label="Instances by status">
              {counts.map((c) => (
                <li key={c.label} data-tone={c.tone}>
                  <span className={styles.shape} aria-hidden="true" />
                  {c.count} {c.label}
                </li>
              ))}
              {health.reporting > 0 && (
                <li>
                  <span
                    className={styles.health}
                    data-health={health.healthy === health.reporting ? 'healthy' : 'unhealthy'}
                    aria-hidden="true"
                  />
                  {health.healthy}/{health.reporting} healthy
                </li>
              )}
            </ul>
          </div>

          {activity && <DeployBanner activity={activity} />}

          {nodes.isError && (
            <p className={styles.muted}>The grid’s node list could not be loaded: showing only nodes that run an instance.</p>
          )}

          {shown.length === 0 ? (
            <p className={styles.empty}>
              {list.length === 0 ? 'This service has no instances. Deploy or scale it to place some.' : 'No nodes to show.'}
            </p>
          ) : (
            <div className={styles.nodes} role="group" aria-label="Nodes">
              {shown.map((group) => (
                <NodeCard key={group.key} grid={ref.grid} group={group} initialIds={initialIds} />
              ))}
            </div>
          )}
          <Legend />
        </>
      )}
    </div>
  );
}

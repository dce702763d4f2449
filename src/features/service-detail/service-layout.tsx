import { useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { createPortal } from 'react-dom';
import { Link, NavLink, Outlet } from 'react-router';
import { isApiError } from '../../api/errors';
import { containerSummariesQuery, containersQuery, serviceQuery } from '../../api/queries';
import type { ContainerSummary } from '../../api/schemas/container';
import type { Service } from '../../api/schemas/service';
import { serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { BreakableName } from '../../components/breakable-name';
import { ContainersPollContext } from '../../components/containers-poll';
import type { ContainersPollWish } from '../../components/containers-poll';
import { DeploySlotContext } from '../../components/deploy-slot';
import { HealthBadge } from '../../components/health-badge';
import { LastChange } from '../../components/last-change';
import { LoadError } from '../../components/load-error';
import { ServiceStateBadge } from '../../components/service-state-badge';
import { StaleNote } from '../../components/stale-note';
import { useServiceRef } from '../../components/use-service-ref';
import { formatInstanceSummary } from '../../lib/format-instances';
import { formatServicesPath } from '../../lib/format-path';
import { knownHealth } from '../../lib/service-health';
import { ServiceGone } from './service-gone';
import { SERVICE_POLL_MS } from './polling';
import styles from './service-layout.module.css';

const TABS = [
  { to: '.', label: 'Overview', end: true },
  { to: 'instances', label: 'Instances', end: false },
  { to: 'stats', label: 'Stats', end: false },
  { to: 'logs', label: 'Logs', end: false },
  { to: 'events', label: 'Events', end: false },
  { to: 'settings', label: 'Settings', end: false },
] as const;

/**
 * Instances still on an older revision of a running service: a deploy is under way,
 * or the master's scheduler will start one within about 20 s of the last change. Shown
 * in the place kept for a deploy's progress, so it comes and goes without moving the
 * header or the tabs; a deploy panel there says more, and hides it (the layout's CSS).
 */
function RolloutHint({ service, containers }: { service: Service; containers: readonly ContainerSummary[] | undefined }) {
  if (service.state !== 'running' || containers === undefined) return null;
  const running = containers.filter((c) => c.status === 'running');
  const current = String(service.revision);
  const outdated = running.filter((c) => c.service_rev !== null && c.service_rev !== current);
  if (outdated.length === 0) return null;
  const why = 'The master redeploys a changed running service within about 20 s.';
  return (
    <span className={styles.rollout} role="status" title={why}>
      <span className={styles.rolloutMark} aria-hidden="true" />
      Rolling out revision {service.revision}: {running.length - outdated.length} of {running.length} updated
      <span className="visually-hidden">. {why}</span>
    </span>
  );
}

function Header({
  serviceRef,
  service,
  containers,
  actions,
}: {
  serviceRef: ServiceRef;
  service: Service | undefined;
  containers: readonly ContainerSummary[] | undefined;
  actions: ReactNode;
}) {
  const title = serviceDisplayName(serviceRef);
  // The containers are at hand (polled for every tab): they tell pending from unhealthy.
  const health = service && knownHealth(service.health_status, service.health_check !== undefined, containers);
  return (
    <header className={styles.header}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link to={formatServicesPath(serviceRef.grid)}>Services</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>
          <BreakableName text={title} />
        </h1>
        {service && (
          <ul className={styles.facts} aria-label="Status">
            <li>
              <ServiceStateBadge state={service.state} />
            </li>
            <li className={styles.count}>{formatInstanceSummary(service.instance_counts.running, service.instances, service.strategy)}</li>
            {health !== undefined && (
              <li>
                <HealthBadge health={health} />
              </li>
            )}
          </ul>
        )}
        <div className={styles.actions}>{actions}</div>
      </div>
    </header>
  );
}

/**
 * /grids/:grid/services/:stack/:name/* — the service's header (name, state, counts,
 * health, the lifecycle actions) and its tabs, each its own URL. A service removed
 * while the page is open turns into a page that says so.
 */
export function ServiceLayout({ actions }: { actions?: ReactNode }) {
  const ref = useServiceRef();
  const query = useQuery({ ...serviceQuery(ref), refetchInterval: SERVICE_POLL_MS });
  // Polled here for every tab (the header reads them, the tabs read the same cache), at
  // the pace and in the form the shown tab asks for (components/containers-poll.tsx).
  const [wish, setWish] = useState<ContainersPollWish | null>(null);
  const pace = wish?.pace ?? SERVICE_POLL_MS;
  const full = wish?.full ?? false;
  const loaded = query.data !== undefined;
  const summaries = useQuery({ ...containerSummariesQuery(ref), refetchInterval: pace, enabled: loaded && !full });
  const fullList = useQuery({ ...containersQuery(ref), refetchInterval: pace, enabled: loaded && full });
  const containers = full ? fullList.data : summaries.data;
  const title = serviceDisplayName(ref);
  // The place kept for a deploy's progress (components/deploy-slot), over the right end
  // of the tab bar: a panel there never moves the header or the tabs.
  const [deploySlot, setDeploySlot] = useState<HTMLDivElement | null>(null);

  if (isApiError(query.error) && query.error.kind === 'notFound') {
    return <ServiceGone serviceRef={ref} wasShown={query.data !== undefined} />;
  }

  return (
    <DeploySlotContext.Provider value={deploySlot}>
      <div className={styles.page}>
        <title>{`${title} · ${ref.grid} · Kontena`}</title>
        <Header serviceRef={ref} service={query.data} containers={containers} actions={actions} />
        <LastChange grid={ref.grid} resource={{ type: 'GridService', stack: ref.stack, name: ref.name }} />
        {query.data && (query.isRefetchError || query.failureCount > 0) && (
          <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
        )}
        <div className={styles.tabsRow}>
          {!(query.data === undefined && query.isError) && (
            <nav aria-label="Service sections" className={styles.tabs}>
              <ul>
                {TABS.map((tab) => (
                  <li key={tab.label}>
                    <NavLink to={tab.to} end={tab.end} className={styles.tab}>
                      {tab.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div ref={setDeploySlot} className={styles.deploySlot} data-deploy-slot="" />
        </div>
        {query.data && deploySlot && createPortal(<RolloutHint service={query.data} containers={containers} />, deploySlot)}
        {query.data === undefined && query.isError ? (
          <LoadError
            what="the service"
            error={query.error}
            retrying={query.isFetching}
            onRetry={() => void query.refetch()}
            actions={<Link to={formatServicesPath(ref.grid)}>Back to the services</Link>}
          />
        ) : (
          <div className={styles.content}>
            <ContainersPollContext.Provider value={setWish}>
              <Outlet />
            </ContainersPollContext.Provider>
          </div>
        )}
      </div>
    </DeploySlotContext.Provider>
  );
}

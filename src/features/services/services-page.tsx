import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { servicesQuery } from '../../api/queries';
import { refOfService, serviceDisplayName } from '../../api/service-ref';
import type { Service } from '../../api/schemas/service';
import { ServiceStateBadge } from '../../components/service-state-badge';
import { SkeletonRows } from '../../components/skeleton';
import { formatInstanceRatio } from '../../lib/format-instances';
import { formatServicePath } from '../../lib/format-path';
import { LoadError } from '../../components/load-error';
import { StaleNote } from '../../components/stale-note';
import styles from './services-page.module.css';

/** How often the list is refetched while the tab is visible. */
export const SERVICES_POLL_MS = 5_000;

interface Row {
  key: string;
  label: string;
  path: string;
  service: Service;
}

function toRows(services: Service[]): Row[] {
  return services
    .map((service) => {
      const ref = refOfService(service);
      return { key: service.id, label: serviceDisplayName(service), path: formatServicePath(ref), service };
    })
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

/** /grids/:grid/services — the grid's services by name, polled. */
export function ServicesPage() {
  const { grid = '' } = useParams();
  const query = useQuery({ ...servicesQuery(grid), refetchInterval: SERVICES_POLL_MS });
  const rows = useMemo(() => (query.data ? toRows(query.data) : null), [query.data]);

  return (
    <div className={styles.page}>
      <title>{`Services · ${grid} · Kontena`}</title>
      <header className={styles.header}>
        <h1 className={styles.title}>Services</h1>
        <p className={styles.subtitle}>
          Grid <strong>{grid}</strong>
          {rows !== null && (
            <>
              {' · '}
              {rows.length === 1 ? '1 service' : `${rows.length} services`}
            </>
          )}
        </p>
      </header>

      {rows !== null && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}

      {rows === null && query.isPending && (
        <div className={styles.panel}>
          <p role="status" className="visually-hidden">
            Loading services…
          </p>
          <SkeletonRows />
        </div>
      )}

      {rows === null && query.isError && (
        <LoadError
          what="the services"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{ title: `There is no grid “${grid}”`, text: 'It may have been removed, or the address is mistyped. Pick a grid from the switcher above.' }}
        />
      )}

      {rows !== null && rows.length === 0 && (
        <div className={styles.empty}>
          <h2 className={styles.emptyTitle}>No services in this grid yet</h2>
          <p>
            Create one with <code>kontena service create NAME IMAGE</code>, or deploy a stack with{' '}
            <code>kontena stack install</code>.
          </p>
        </div>
      )}

      {rows !== null && rows.length > 0 && (
        <ul className={styles.list} aria-label={`Services in ${grid}`}>
          {rows.map((row) => (
            <li key={row.key} className={styles.row}>
              <Link to={row.path} className={styles.name}>
                {row.label}
              </Link>
              <span className={styles.instances}>
                {formatInstanceRatio(row.service.instance_counts.running, row.service.instances, row.service.strategy)}
              </span>
              <ServiceStateBadge state={row.service.state} className={styles.state} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { serviceQuery } from '../../api/queries';
import { NULL_STACK, serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import type { Service } from '../../api/schemas/service';
import { LoadError } from '../../components/load-error';
import { ServiceStateBadge } from '../../components/service-state-badge';
import { SkeletonRows } from '../../components/skeleton';
import { StaleNote } from '../../components/stale-note';
import { formatInstanceSummary } from '../../lib/format-instances';
import { formatServicesPath } from '../../lib/format-path';
import { formatClockTime } from '../../lib/format-time';
import { SERVICES_POLL_MS } from './services-page';
import styles from './service-page.module.css';

function Facts({ service }: { service: Service }) {
  const stack = service.stack.name === NULL_STACK ? 'default stack (null)' : service.stack.name;
  return (
    <dl className={styles.facts}>
      <div className={styles.fact}>
        <dt>State</dt>
        <dd>
          <ServiceStateBadge state={service.state} />
        </dd>
      </div>
      <div className={styles.fact}>
        <dt>Instances</dt>
        <dd>
          {formatInstanceSummary(service.instance_counts.running, service.instances, service.strategy)}
        </dd>
      </div>
      <div className={styles.fact}>
        <dt>Image</dt>
        <dd className={styles.mono}>{service.image}</dd>
      </div>
      <div className={styles.fact}>
        <dt>Stack</dt>
        <dd>{stack}</dd>
      </div>
      <div className={styles.fact}>
        <dt>Strategy</dt>
        <dd>{service.strategy}</dd>
      </div>
      <div className={styles.fact}>
        <dt>Revision</dt>
        <dd>{service.revision}</dd>
      </div>
      <div className={styles.fact}>
        <dt>DNS name</dt>
        <dd className={styles.mono}>{service.dns}</dd>
      </div>
      <div className={styles.fact}>
        <dt>Updated</dt>
        <dd>
          <time dateTime={service.updated_at}>{new Date(service.updated_at).toLocaleString()}</time>
        </dd>
      </div>
    </dl>
  );
}

/** /grids/:grid/services/:stack/:name — the key facts of one service, polled. */
export function ServicePage() {
  const params = useParams();
  const ref: ServiceRef = { grid: params.grid ?? '', stack: params.stack ?? NULL_STACK, name: params.name ?? '' };
  const query = useQuery({ ...serviceQuery(ref), refetchInterval: SERVICES_POLL_MS });
  const title = serviceDisplayName(ref);
  const back = formatServicesPath(ref.grid);

  return (
    <div className={styles.page}>
      <title>{`${title} · ${ref.grid} · Kontena`}</title>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link to={back}>Services</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <h1 className={styles.title}>{title}</h1>

      {query.data && (query.isRefetchError || query.failureCount > 0) && (
        <StaleNote updatedAt={query.dataUpdatedAt} error={query.error ?? query.failureReason} onRetry={() => void query.refetch()} />
      )}

      {query.data === undefined && query.isPending && (
        <div className={styles.panel}>
          <p role="status" className="visually-hidden">
            Loading the service…
          </p>
          <SkeletonRows rows={4} />
        </div>
      )}

      {query.data === undefined && query.isError && (
        <LoadError
          what="the service"
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
          notFound={{ title: `There is no service “${title}” in grid ${ref.grid}`, text: 'It may have been removed.' }}
          actions={<Link to={back}>Back to the services</Link>}
        />
      )}

      {query.data && (
        <section className={styles.panel} aria-label="Summary">
          <Facts service={query.data} />
          <p className={styles.footnote}>Refreshed every {SERVICES_POLL_MS / 1000} s · last at {formatClockTime(query.dataUpdatedAt)}</p>
        </section>
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { containersQuery, serviceQuery } from '../../api/queries';
import { useContainersPoll } from '../../components/containers-poll';
import { PanelLoading } from '../../components/panel';
import { useServiceRef } from '../../components/use-service-ref';
import { knownHealth } from '../../lib/service-health';
import { EnvPanel } from './env-panel';
import { LinksPanel } from './links-panel';
import { HealthFacts, HooksFacts, RuntimeFacts, SummaryFacts } from './overview-facts';
import { InstancesSummary } from './instances-summary';
import { SecretsPanel } from './secrets-panel';
import { SERVICE_POLL_MS } from './polling';
import styles from './overview.module.css';

/**
 * The service tab: everything `kontena service show` prints, and the env, secret and
 * link commands. The service and its containers are polled by the layout (same queries).
 */
export function OverviewTab() {
  const ref = useServiceRef();
  const service = useQuery(serviceQuery(ref));
  // The instance table shows what only the full containers hold (IPs, host names): the
  // layout polls those instead of the summaries while this tab is shown.
  const layoutPolls = useContainersPoll(undefined, true);
  const containers = useQuery({ ...containersQuery(ref), refetchInterval: layoutPolls ? undefined : SERVICE_POLL_MS });

  if (service.data === undefined) return <PanelLoading label="Loading the service…" rows={6} />;
  const data = service.data;
  return (
    <div className={styles.overview}>
      <SummaryFacts service={data} />
      <InstancesSummary
        containers={containers.data}
        error={containers.error}
        now={containers.dataUpdatedAt}
        checked={data.health_check !== undefined}
      />
      <div className={styles.columns}>
        <EnvPanel serviceRef={ref} service={data} />
        <div className={styles.overview}>
          <SecretsPanel serviceRef={ref} service={data} />
          <LinksPanel serviceRef={ref} service={data} />
        </div>
      </div>
      <div className={styles.columns}>
        <RuntimeFacts service={data} />
        <div className={styles.overview}>
          <HealthFacts service={data} health={knownHealth(data.health_status, data.health_check !== undefined, containers.data)} />
          <HooksFacts service={data} />
        </div>
      </div>
    </div>
  );
}

import { Link } from 'react-router';
import type { DeployStatus } from '../../api/grid-deploy-events';
import { serviceDisplayName, tryParseServiceId } from '../../api/service-ref';
import { Panel } from '../../components/panel';
import { StatusBadge } from '../../components/status-badge';
import type { DeployInFlight } from '../../components/use-deploys-in-flight';
import { deployCounts } from '../../lib/deploy-progress';
import { formatServicePath } from '../../lib/format-path';
import styles from './overview.module.css';

interface DeployRow {
  serviceId: string;
  title: string;
  progress: string;
}

/**
 * The deploys under way: the ones this browser started (with their progress) and the
 * ones the grid's event log shows started elsewhere (the CLI, another browser).
 */
export function deployRows(inFlight: readonly DeployInFlight[], statuses: Readonly<Record<string, DeployStatus>>): DeployRow[] {
  const rows = new Map<string, DeployRow>();
  for (const entry of inFlight) {
    if (entry.outcome !== null) continue;
    const counts = entry.deploy === undefined ? null : deployCounts(entry.deploy);
    rows.set(entry.serviceId, {
      serviceId: entry.serviceId,
      title: entry.title,
      progress: counts === null ? 'starting' : `${counts.done} of ${counts.total} instances deployed`,
    });
  }
  for (const [id, status] of Object.entries(statuses)) {
    if (status.inProgress && !rows.has(id)) rows.set(id, { serviceId: id, title: 'Deploy', progress: 'under way' });
  }
  return [...rows.values()].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
}

export function DeploysPanel({ rows }: { rows: readonly DeployRow[] }) {
  return (
    <Panel id="overview-deploys" title="Deploys in flight" meta={rows.length > 0 ? String(rows.length) : undefined}>
      {rows.length === 0 ? (
        <p className={styles.panelNote}>No deploy is under way.</p>
      ) : (
        <ul className={styles.deploys}>
          {rows.map((row) => {
            const ref = tryParseServiceId(row.serviceId);
            return (
              <li key={row.serviceId} className={styles.deploy}>
                <StatusBadge tone="info" label={row.title} />
                {ref === null ? (
                  <span className={styles.problemSubject}>{row.serviceId}</span>
                ) : (
                  <Link to={formatServicePath(ref)} className={styles.problemSubject}>
                    {serviceDisplayName(ref)}
                  </Link>
                )}
                <span className={styles.problemDetail}>{row.progress}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

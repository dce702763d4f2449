import type { Container, ContainerStatus } from '../../api/schemas/container';
import { BreakableName } from '../../components/breakable-name';
import { Panel, PanelTable } from '../../components/panel';
import { StatusBadge } from '../../components/status-badge';
import type { StatusTone } from '../../components/status-badge';
import { formatAge } from '../../lib/format-date-time';
import { describeInstanceHealth } from '../../lib/service-health';
import styles from './overview.module.css';

const statusTone: Record<ContainerStatus, StatusTone> = {
  running: 'ok',
  stopped: 'neutral',
  paused: 'info',
  restarting: 'warn',
  oom_killed: 'danger',
  dead: 'danger',
  deleted: 'neutral',
};

/** The instance's check in the words of lib/service-health: "pending" until it reports. */
function Health({ container, now, checked }: { container: Container; now: number; checked: boolean }) {
  const health = container.health_status;
  if (!checked && health === undefined) {
    return (
      <span className={styles.muted} title="No health check">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">no health check</span>
      </span>
    );
  }
  const words = describeInstanceHealth(container);
  return (
    <span title={words.detail}>
      <StatusBadge tone={words.tone} label={words.text} />
      {health !== undefined && (
        <>
          {' '}
          <span className={styles.muted}>{formatAge(Date.parse(health.updated_at), now)}</span>
        </>
      )}
    </span>
  );
}

function Exit({ container }: { container: Container }) {
  const { exit_code: code, error } = container.state;
  const parts: string[] = [];
  if (code !== undefined && code !== 0) parts.push(`exit ${code}`);
  if (error !== undefined && error !== '') parts.push(error);
  if (container.state.oom_killed === true) parts.push('killed: out of memory');
  if (parts.length === 0) return <span className={styles.muted}>—</span>;
  return <span>{parts.join(' · ')}</span>;
}

/** One row per container, as `kontena service show` lists its instances. */
export function InstancesSummary({
  containers,
  error,
  now,
  checked,
}: {
  containers: readonly Container[] | undefined;
  error: unknown;
  now: number;
  checked: boolean;
}) {
  return (
    <Panel id="overview-instances" title="Instances" meta={containers?.length}>
      {containers === undefined ? (
        <p className={styles.empty}>{error ? 'Could not load the instances.' : 'Loading the instances…'}</p>
      ) : containers.length === 0 ? (
        <p className={styles.empty}>No instances: the service has not been deployed, or it was scaled to 0.</p>
      ) : (
        <PanelTable
          columns={['Instance', 'Node', 'Status', 'IP', 'Public IP', 'Health', 'Revision', 'Exit / reason']}
          className={styles.cells}
        >
          {containers.map((c) => (
            <tr key={c.id}>
              <th scope="row" className={styles.cellMono}>
                {c.name}
                {c.hostname !== null && c.hostname !== '' && (
                  <span className={styles.subline}>
                    <BreakableName text={c.domainname ? `${c.hostname}.${c.domainname}` : c.hostname} />
                  </span>
                )}
              </th>
              <td className={styles.cellMono}>{c.node?.name ?? <span className={styles.muted}>none</span>}</td>
              <td>
                <StatusBadge tone={statusTone[c.status]} label={c.status} />
              </td>
              <td className={styles.cellMono}>{c.ip_address ?? <span className={styles.muted}>—</span>}</td>
              <td className={styles.cellMono}>{c.node?.public_ip ?? <span className={styles.muted}>—</span>}</td>
              <td>
                <Health container={c} now={now} checked={checked} />
              </td>
              <td className={styles.cellNumber} title={c.deploy_rev === null ? undefined : `deployed ${c.deploy_rev}`}>
                {c.service_rev ?? '—'}
              </td>
              <td>
                <Exit container={c} />
              </td>
            </tr>
          ))}
        </PanelTable>
      )}
    </Panel>
  );
}

import { useId } from 'react';
import { Link } from 'react-router';
import type { ContainerStatus } from '../../api/schemas/container';
import { serviceDisplayName } from '../../api/service-ref';
import { Panel, PanelTable } from '../../components/panel';
import { StatusBadge } from '../../components/status-badge';
import type { StatusTone } from '../../components/status-badge';
import { formatTableDateTime } from '../../lib/clock-format';
import { formatServicePath } from '../../lib/format-path';
import type { NodeInstance } from './node-instances';
import styles from './node-page.module.css';
import listStyles from './nodes.module.css';

const TONE: Record<ContainerStatus, StatusTone> = {
  running: 'ok',
  restarting: 'warn',
  paused: 'info',
  stopped: 'neutral',
  oom_killed: 'danger',
  dead: 'danger',
  deleted: 'neutral',
};

interface NodeInstancesPanelProps {
  instances: readonly NodeInstance[] | undefined;
  /** Why the list is unknown (the containers could not be read), or null. */
  problem: string | null;
}

/** The containers running on the node, each linking to its service's page. */
export function NodeInstancesPanel({ instances, problem }: NodeInstancesPanelProps) {
  const headingId = useId();
  const count = instances?.length;
  return (
    <Panel
      id={headingId}
      title={count === undefined ? 'Instances' : count === 1 ? '1 instance' : `${count} instances`}
      meta={problem ?? undefined}
    >
      {instances === undefined ? (
        <p className={styles.panelBody}>{problem === null ? 'Loading the instances…' : null}</p>
      ) : instances.length === 0 ? (
        <p className={`${styles.panelBody} ${listStyles.muted}`}>Nothing runs on this node.</p>
      ) : (
        <PanelTable columns={['Instance', 'Service', 'Status', 'Started']} labelledBy={headingId} className={styles.cells}>
          {instances.map((instance) => (
            <tr key={instance.name}>
              <th scope="row" className={listStyles.mono}>
                {instance.name}
              </th>
              <td>
                {instance.service === null ? (
                  <span className={listStyles.muted}>no service</span>
                ) : (
                  <Link to={formatServicePath(instance.service)} className={listStyles.mono}>
                    {serviceDisplayName(instance.service)}
                  </Link>
                )}
              </td>
              <td>
                <StatusBadge tone={TONE[instance.status]} label={instance.status} />
              </td>
              <td>
                {instance.startedAt === null ? (
                  <span className={listStyles.muted}>not started</span>
                ) : (
                  <time dateTime={instance.startedAt}>{formatTableDateTime(instance.startedAt)}</time>
                )}
              </td>
            </tr>
          ))}
        </PanelTable>
      )}
    </Panel>
  );
}

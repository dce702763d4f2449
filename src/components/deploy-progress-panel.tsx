import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../api/errors';
import { deployQuery } from '../api/queries';
import type { Deploy, DeployState } from '../api/schemas/deploy';
import { serviceDisplayName } from '../api/service-ref';
import type { ServiceRef } from '../api/service-ref';
import { DEPLOY_GONE_TEXT, deployCounts, deployElapsedMs, describeDeployProgress } from '../lib/deploy-progress';
import { formatDuration } from '../lib/relative-time';
import { Button } from './button';
import { cx } from './class-names';
import { StatusBadge } from './status-badge';
import type { StatusTone } from './status-badge';
import { useNow } from './use-now';
import styles from './deploy-progress-panel.module.css';

const toneOf: Record<DeployState, StatusTone> = { created: 'info', ongoing: 'warn', success: 'ok', error: 'danger' };

export interface DeployProgressPanelProps {
  serviceRef: ServiceRef;
  deployId: string;
  /** What was asked: "Deploy", "Force deploy", "Scale to 3". */
  title: string;
  /** When the action was sent (this browser's clock), for the elapsed time while it runs. */
  sentAt: number;
  /** One line with the instances folded away (the list's tray), or everything shown (a service's page). */
  compact?: boolean;
  onDismiss?: () => void;
}

function InstanceTable({ deploy }: { deploy: Deploy }) {
  if (deploy.instance_deploys.length === 0) return <p className={styles.muted}>No instance scheduled yet.</p>;
  return (
    <table className={styles.instances}>
      <thead>
        <tr>
          <th scope="col">Instance</th>
          <th scope="col">Node</th>
          <th scope="col">State</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {deploy.instance_deploys.map((i) => (
          <tr key={i.instance_number}>
            <td>#{i.instance_number}</td>
            <td className={styles.mono}>{i.node}</td>
            <td>
              <StatusBadge tone={toneOf[i.state]} label={i.state} />
            </td>
            <td className={styles.error}>{i.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A deploy or scale as it happens: the record is polled each second, as the CLI does,
 * until it finishes (api deployQuery). Shows the state, each instance's node and state,
 * the error reason and the elapsed time; a record the master deleted is explained.
 */
export function DeployProgressPanel({ serviceRef, deployId, title, sentAt, compact = false, onDismiss }: DeployProgressPanelProps) {
  const query = useQuery(deployQuery(serviceRef, deployId));
  const deploy = query.data;
  const gone = isApiError(query.error) && query.error.kind === 'notFound';
  const finished = gone || (deploy !== undefined && deploy.finished_at !== null);
  const now = useNow(1000, !finished);
  const name = serviceDisplayName(serviceRef);
  const elapsed = formatDuration(deployElapsedMs(deploy, sentAt, now));
  const counts = deploy ? deployCounts(deploy) : null;

  let status: ReactNode;
  if (gone) status = <StatusBadge tone="neutral" label="record deleted" />;
  else if (deploy) status = <StatusBadge tone={toneOf[deploy.state]} label={deploy.state} />;
  else status = <StatusBadge tone="info" label="sent" />;

  return (
    <section className={cx(styles.panel, compact && styles.compact)} aria-label={`${title}: ${name}`} data-deploy-state={gone ? 'gone' : (deploy?.state ?? 'sent')}>
      <div className={styles.head}>
        <p className={styles.title}>
          <strong>{title}</strong> <span className={styles.mono}>{name}</span>
        </p>
        {status}
        <span className={styles.muted}>
          {deploy ? describeDeployProgress(deploy) : gone ? 'Nothing to follow' : 'Sent to the master'}
          {' · '}
          <span title="Elapsed time">{elapsed}</span>
        </span>
        {counts !== null && !finished && (
          <progress className={styles.progress} max={Math.max(1, counts.total)} value={counts.done + counts.failed} aria-label={`${title} of ${name}: progress`} />
        )}
        {onDismiss !== undefined && (
          <Button size="sm" variant="ghost" className={styles.dismiss} onClick={onDismiss} aria-label={`Dismiss: ${title} of ${name}`}>
            {finished ? 'Dismiss' : 'Hide'}
          </Button>
        )}
      </div>
      {gone && <p className={styles.note}>{DEPLOY_GONE_TEXT}</p>}
      {deploy?.state === 'error' && deploy.reason !== null && (
        <p className={styles.reason}>
          <strong>Reason:</strong> {deploy.reason}
        </p>
      )}
      {query.error !== null && !gone && (
        <p className={styles.note}>
          {deploy ? 'The last check of the deploy failed; still following it.' : 'Could not read the deploy yet; still trying.'} ({query.error.message})
        </p>
      )}
      {deploy !== undefined &&
        (compact ? (
          <details className={styles.details}>
            <summary>Instances ({deploy.instance_deploys.length})</summary>
            <InstanceTable deploy={deploy} />
          </details>
        ) : (
          <InstanceTable deploy={deploy} />
        ))}
    </section>
  );
}

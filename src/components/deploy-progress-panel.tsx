import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { FocusEvent, ReactNode } from 'react';
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
const runningWord: Record<DeployState, string> = { created: 'queued', ongoing: 'deploying', success: 'success', error: 'error' };

interface DeployProgressPanelProps {
  serviceRef: ServiceRef;
  deployId: string;
  /** What was asked: "Deploy", "Force deploy", "Scale to 3". */
  title: string;
  /** When the action was sent (this browser's clock), for the elapsed time while it runs. */
  sentAt: number;
  /**
   * The details (each instance's node and state) folded while it runs: the list's tray and
   * a service's header, where the panel is one line. Otherwise they show until it finishes.
   */
  compact?: boolean;
  onDismiss?: () => void;
  /** When the finished panel goes by itself (this browser's clock), shown as a countdown; null: it stays. */
  hidesAt?: number | null;
  /** true while someone looks at the panel (pointer or focus on it, details open), false after: the caller keeps it meanwhile. */
  onHold?: (held: boolean) => void;
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

/** "2 of 3 done": the running deploy in a few words (the sentence is in the details). */
function shortProgress(deploy: Deploy): string {
  if (deploy.state === 'created') return 'waiting for the deploy worker';
  const { done, failed, total } = deployCounts(deploy);
  return `${done} of ${total} done${failed > 0 ? `, ${failed} failed` : ''}`;
}

/** "hides in 9 s": mounted afresh for each time to go, so it starts from the clock of that moment. */
function Countdown({ until }: { until: number }) {
  const now = useNow(1000, true, Date.now, until);
  return <span className={styles.countdown}>hides in {Math.max(0, Math.ceil((until - now) / 1000))} s</span>;
}

/** "Deployed 3/3 in 12 s", "Scaled to 3: 3/3 in 12 s": a good finish in one breath. */
function describeFinishedDeploy(title: string, done: number, total: number, elapsedMs: number): string {
  const counts = `${done}/${total} in ${elapsedMs < 1000 ? 'under 1 s' : formatDuration(elapsedMs)}`;
  const scale = /^Scale to (\S+)$/.exec(title);
  if (scale) return `Scaled to ${scale[1] ?? ''}: ${counts}`;
  if (title === 'Deploy') return `Deployed ${counts}`;
  if (title === 'Force deploy') return `Force-deployed ${counts}`;
  return `${title} done: ${counts}`;
}

/**
 * A deploy or scale as it happens: the record is polled each second, as the CLI does,
 * until it finishes (api deployQuery). One line (state, progress, elapsed time) with the
 * details (each instance's node and state, the error reason) a click away; once finished
 * it folds to one line that says the outcome ("Deployed 3/3 in 12 s", or the error in
 * short), and counts down to going when the caller gives it a time to go. A record the
 * master deleted is explained.
 */
export function DeployProgressPanel({
  serviceRef,
  deployId,
  title,
  sentAt,
  compact = false,
  onDismiss,
  hidesAt = null,
  onHold,
}: DeployProgressPanelProps) {
  const query = useQuery(deployQuery(serviceRef, deployId));
  const deploy = query.data;
  const gone = isApiError(query.error) && query.error.kind === 'notFound';
  const finished = gone || (deploy !== undefined && deploy.finished_at !== null);
  const now = useNow(1000, !finished, Date.now, sentAt);
  const name = serviceDisplayName(serviceRef);
  const elapsedMs = deployElapsedMs(deploy, sentAt, now);
  const elapsed = formatDuration(elapsedMs);
  const counts = deploy ? deployCounts(deploy) : null;
  const detailsId = useId();

  // Open by the user (true/false), or as the panel's kind says: open while it runs on a full page.
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const open = userOpen ?? (!compact && !finished);
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = pointed || focused || open;
  const reportHold = useEffectEvent((value: boolean) => onHold?.(value));
  useEffect(() => {
    reportHold(held);
  }, [held]);
  // Let go on the way out (to another page, say): it then goes in its own time.
  useEffect(() => () => reportHold(false), []);

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocused(false);
  };

  const outcome = gone ? 'gone' : (deploy?.state ?? 'sent');
  let badge: ReactNode;
  let lead: ReactNode = null;
  let said: ReactNode;
  let sayTitle: string | undefined;
  if (gone) {
    badge = <StatusBadge tone="neutral" label={`${title}: not deployed`} />;
    said = 'The master dropped it: the service was not running';
    sayTitle = DEPLOY_GONE_TEXT;
  } else if (deploy?.state === 'success' && counts !== null) {
    badge = <StatusBadge tone="ok" label={describeFinishedDeploy(title, counts.done, counts.total, elapsedMs)} />;
  } else if (deploy?.state === 'error') {
    badge = <StatusBadge tone="danger" label={`${title} failed`} />;
    said = deploy.reason ?? 'The master gave no reason.';
    sayTitle = deploy.reason ?? undefined;
  } else {
    badge = <StatusBadge tone={deploy ? toneOf[deploy.state] : 'info'} label={deploy ? runningWord[deploy.state] : 'sent'} />;
    lead = <strong className={styles.lead}>{title}</strong>;
    said = (
      <>
        {deploy ? shortProgress(deploy) : 'sent to the master'}
        {' · '}
        <span title="Elapsed time">{elapsed}</span>
      </>
    );
    sayTitle = deploy ? describeDeployProgress(deploy) : undefined;
  }

  return (
    <section
      className={styles.panel}
      aria-label={`${title}: ${name}`}
      data-deploy-state={outcome}
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
    >
      <div className={styles.line}>
        {badge}
        {lead}
        <span className={styles.name}>{name}</span>
        {said !== undefined && (
          <span className={cx(styles.said, deploy?.state === 'error' && styles.saidError)} title={sayTitle}>
            {said}
          </span>
        )}
        {counts !== null && !finished && (
          <progress
            className={styles.progress}
            max={Math.max(1, counts.total)}
            value={counts.done + counts.failed}
            aria-label={`${title} of ${name}: progress`}
          />
        )}
        {query.error !== null && !gone && (
          <span className={styles.checkFailed} title={query.error.message}>
            {deploy ? 'last check failed, retrying' : 'not read yet, retrying'}
          </span>
        )}
        <span className={styles.spacer} />
        {hidesAt !== null && <Countdown key={hidesAt} until={hidesAt} />}
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`Details: ${title} of ${name}`}
          onClick={() => setUserOpen(!open)}
        >
          Details <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </Button>
        {onDismiss !== undefined && (
          <Button size="sm" variant="ghost" onClick={onDismiss} aria-label={`Dismiss: ${title} of ${name}`}>
            {finished ? 'Dismiss' : 'Hide'}
          </Button>
        )}
      </div>
      {open && (
        <div id={detailsId} className={styles.details}>
          <p className={styles.muted}>
            {deploy ? describeDeployProgress(deploy) : gone ? 'Nothing to follow' : 'Sent to the master'}
            {' · '}
            <span title="Elapsed time">{elapsed}</span>
          </p>
          {gone && <p className={styles.note}>{DEPLOY_GONE_TEXT}</p>}
          {deploy?.state === 'error' && deploy.reason !== null && (
            <p className={styles.reason}>
              <strong>Reason:</strong> {deploy.reason}
            </p>
          )}
          {query.error !== null && !gone && (
            <p className={styles.note}>
              {deploy ? 'The last check of the deploy failed; still following it.' : 'Could not read the deploy yet; still trying.'} (
              {query.error.message})
            </p>
          )}
          {deploy !== undefined && <InstanceTable deploy={deploy} />}
        </div>
      )}
    </section>
  );
}

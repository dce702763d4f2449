import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import type { Stack } from '../../api/schemas/stack';
import { isStackDeployFinished, stackDeployQuery } from '../../api/stack-queries';
import type { StackDeploy } from '../../api/stacks';
import { Button } from '../../components/button';
import { DeployProgressPanel } from '../../components/deploy-progress-panel';
import { StatusBadge } from '../../components/status-badge';
import type { StatusTone } from '../../components/status-badge';
import { useNow } from '../../components/use-now';
import { formatServicePath } from '../../lib/format-path';
import { formatDuration } from '../../lib/relative-time';
import type { FollowedStackDeploy } from './followed-stack-deploys';
import { failedStep, stackDeploySteps } from './stack-deploy-steps';
import type { StackDeployStep, StepStatus } from './stack-deploy-steps';
import { listNames } from './stack-facts';
import styles from './stacks.module.css';

const stepWords: Record<StepStatus, { tone: StatusTone; label: string }> = {
  queued: { tone: 'info', label: 'queued' },
  deploying: { tone: 'warn', label: 'deploying' },
  success: { tone: 'ok', label: 'deployed' },
  error: { tone: 'danger', label: 'failed' },
  waiting: { tone: 'neutral', label: 'waiting' },
  'not-deployed': { tone: 'neutral', label: 'not deployed' },
  'not-in-run': { tone: 'neutral', label: 'not in the run' },
};

const stepNote: Partial<Record<StepStatus, string>> = {
  waiting: 'Deployed after the services before it.',
  'not-deployed': 'The run stopped before it: it stays as it was.',
  'not-in-run': 'Not deployed on its own: the deploy of a service it depends on brings it along.',
};

/** The time from the deploy's start to its last service's finish; null until it is known. */
function finishedInMs(run: StackDeploy): number | null {
  const ends = run.service_deploys.flatMap((d) => (d.finished_at === null ? [] : [Date.parse(d.finished_at)]));
  if (ends.length === 0) return null;
  return Math.max(0, Math.max(...ends) - Date.parse(run.created_at));
}

/**
 * When the worker started the service's deploy, for its elapsed time: the record's
 * created_at (the master's clock), never before the stack deploy was sent (a master
 * clock ahead of the browser's shows 0 s until it catches up).
 */
function serviceSentAt(step: StackDeployStep, stackSentAt: number): number {
  const created = step.deploy === null ? Number.NaN : Date.parse(step.deploy.created_at);
  if (Number.isNaN(created)) return stackSentAt;
  return Math.max(stackSentAt, created);
}

function Summary({ run, steps, gone }: { run: StackDeploy | undefined; steps: readonly StackDeployStep[]; gone: boolean }) {
  if (gone) return <p>The master no longer knows this deploy (it may have restarted): see the services’ states below.</p>;
  if (run === undefined) return <p>Sent to the master…</p>;
  if (run.state === 'created') return <p>Waiting for the master’s stack deploy worker…</p>;
  if (run.state === 'ongoing') {
    const index = steps.findIndex((s) => s.status === 'deploying' || s.status === 'queued');
    const current = steps[index];
    return (
      <p>
        {current === undefined
          ? 'Starting the next service…'
          : `Deploying service ${index + 1} of ${steps.length}: ${current.name}, one service at a time.`}
      </p>
    );
  }
  if (run.state === 'success') {
    const ms = finishedInMs(run);
    const count = run.service_deploys.length;
    return (
      <p>
        Deployed {count} {count === 1 ? 'service' : 'services'}
        {ms === null ? '' : ` in ${ms < 1000 ? 'under 1 s' : formatDuration(ms)}`}.
      </p>
    );
  }
  const failed = failedStep(steps);
  const skipped = steps.filter((s) => s.status === 'not-deployed').map((s) => s.name);
  return (
    <p className={styles.failure}>
      {failed === undefined ? (
        'The stack deploy failed: a service deploy did not finish in time.'
      ) : (
        <>
          Stopped at <strong>{failed.name}</strong>: {failed.deploy?.reason ?? 'the master gave no reason'}.
        </>
      )}
      {skipped.length > 0 && ` Not deployed: ${listNames(skipped)}.`}
    </p>
  );
}

/**
 * `kontena stack deploy` as it happens: the stack deploy polled each second
 * (stackDeployQuery), its services in the master's order, one at a time; the one being
 * deployed shows each instance (its own deploy record followed, DeployProgressPanel);
 * a failure says where the run stopped, its reason, and which services it left undeployed.
 */
export function StackDeployProgress({
  grid,
  stack,
  services,
  followed,
  onDismiss,
}: {
  grid: string;
  stack: string;
  services: Stack['services'];
  followed: FollowedStackDeploy;
  onDismiss: () => void;
}) {
  const query = useQuery(stackDeployQuery(grid, stack, followed.deployId));
  const run = query.data;
  const gone = isApiError(query.error) && query.error.kind === 'notFound';
  const finished = gone || (run !== undefined && isStackDeployFinished(run));
  const now = useNow(1000, !finished, Date.now, followed.sentAt);
  const steps = run === undefined ? [] : stackDeploySteps(grid, stack, run, services);
  const state = gone ? 'gone' : (run?.state ?? 'sent');
  const tone: StatusTone = state === 'success' ? 'ok' : state === 'error' ? 'danger' : state === 'gone' ? 'neutral' : 'warn';
  const label = { sent: 'sent', created: 'queued', ongoing: 'deploying', success: 'deployed', error: 'failed', gone: 'unknown' }[state];

  return (
    <section className={styles.deploy} aria-label={`Stack deploy: ${stack}`} data-deploy-state={state}>
      <div className={styles.deployHead}>
        <StatusBadge tone={tone} label={label} />
        <strong>Deploy of stack {stack}</strong>
        {!finished && <span className={styles.muted}>{formatDuration(Math.max(0, now - followed.sentAt))}</span>}
        {query.error !== null && !gone && (
          <span className={styles.muted} title={query.error.message}>
            last check failed, retrying
          </span>
        )}
        <span className={styles.spacer} />
        <Button size="sm" variant="ghost" onClick={onDismiss} aria-label={`${finished ? 'Dismiss' : 'Hide'} the deploy of ${stack}`}>
          {finished ? 'Dismiss' : 'Hide'}
        </Button>
      </div>
      <div role="status" className={styles.deploySummary}>
        <Summary run={run} steps={steps} gone={gone} />
      </div>
      {steps.length > 0 && (
        <ol className={styles.steps} aria-label={`Services of the deploy of ${stack}, in order`}>
          {steps.map((step, index) => (
            <li key={step.name} className={styles.step} data-step={step.status}>
              <div className={styles.stepLine}>
                <span className={styles.stepNumber}>{index + 1}</span>
                <Link to={formatServicePath(step.ref)} className={styles.mono}>
                  {step.name}
                </Link>
                <StatusBadge tone={stepWords[step.status].tone} label={stepWords[step.status].label} />
                {stepNote[step.status] !== undefined && <span className={styles.muted}>{stepNote[step.status]}</span>}
              </div>
              {step.deploy !== null && (
                <DeployProgressPanel
                  serviceRef={step.ref}
                  deployId={step.deploy.id}
                  title="Deploy"
                  sentAt={serviceSentAt(step, followed.sentAt)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * What a deploy record (docs/kontena-api.md §4.5 DeployJson) says about its progress, in the
 * words the progress panel uses. Structural types: lib/ has no api/ imports.
 */
export interface DeployLike {
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  state: string;
  instance_count: number;
  instance_deploys: readonly { state: string }[];
}

interface DeployCounts {
  /** Instances deployed successfully. */
  done: number;
  failed: number;
  /** The instances this deploy will touch: the record's count, or more once it lists more. */
  total: number;
}

export function deployCounts(deploy: DeployLike): DeployCounts {
  let done = 0;
  let failed = 0;
  for (const i of deploy.instance_deploys) {
    if (i.state === 'success') done += 1;
    else if (i.state === 'error') failed += 1;
  }
  return { done, failed, total: Math.max(deploy.instance_count, deploy.instance_deploys.length) };
}

/**
 * The deploy's elapsed time. Once finished it is the master's own started→finished time;
 * while running it is counted on this browser's clock from when the action was sent,
 * because the browser's and the master's clocks need not agree.
 */
export function deployElapsedMs(deploy: DeployLike | undefined, sentAtMs: number, nowMs: number): number {
  if (deploy?.finished_at) {
    const from = Date.parse(deploy.started_at ?? deploy.created_at);
    const to = Date.parse(deploy.finished_at);
    if (Number.isFinite(from) && Number.isFinite(to)) return Math.max(0, to - from);
  }
  return Math.max(0, nowMs - sentAtMs);
}

/** "waiting for the deploy worker", "deploying 2 of 3 instances", "finished: 3 of 3 instances". */
export function describeDeployProgress(deploy: DeployLike): string {
  const { done, failed, total } = deployCounts(deploy);
  const failedText = failed > 0 ? `, ${failed} failed` : '';
  switch (deploy.state) {
    case 'created':
      return 'Waiting for the deploy worker';
    case 'ongoing':
      return `Deploying: ${done} of ${total} instance${total === 1 ? '' : 's'} done${failedText}`;
    case 'success':
      return `Finished: ${done} of ${total} instance${total === 1 ? '' : 's'} deployed`;
    case 'error':
      return `Failed: ${done} of ${total} instance${total === 1 ? '' : 's'} deployed${failedText}`;
    default:
      return deploy.state;
  }
}

/** Why a deploy record can vanish (docs/kontena-api.md §4.5), in an operator's words. */
export const DEPLOY_GONE_TEXT =
  'The master deleted this deploy record: the service was not running when the deploy worker picked it up (a scale of a stopped service does that). The new instance count is saved and applies when the service is started or deployed.';

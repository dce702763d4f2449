/**
 * What is wrong with a service, in the words every view says it in (the wall's tiles, the
 * overview's problem rows): only services meant to run can be down, degraded or
 * unhealthy; the daemon strategy's `instances` is per node, so fewer running is not
 * degraded there; a failed deploy counts until a later one succeeds or is under way; and
 * health is a problem only once an instance reported unhealthy (lib/service-health: the
 * service JSON alone cannot tell pending instances from unhealthy ones).
 */
import { healthFromService } from './service-health';
import type { HealthCounts, ServiceHealth } from './service-health';

export type ServiceProblemKind = 'down' | 'deploy-failed' | 'unhealthy' | 'degraded' | 'partly-unhealthy' | 'stopped';

/** danger: nothing or broken is serving; warn: serving, but not as asked. */
export type ProblemTone = 'danger' | 'warn';

export interface ServiceProblem {
  kind: ServiceProblemKind;
  tone: ProblemTone;
  /** One or two words: "Down", "Deploy failed". */
  title: string;
  /** The numbers or the reason behind it: "0 of 3 running"; may be empty. */
  detail: string;
}

/** What the rules need of a ServiceJson (structural, so lib/ needs no api/ types). */
export interface ProblemService {
  state: string;
  strategy: string;
  instances: number;
  instance_counts: { running: number };
  health_status?: HealthCounts | undefined;
}

/** What the rules need of a service's deploy record (api/grid-deploy-events DeployStatus). */
export interface DeployRecord {
  inProgress: boolean;
  failed: { reason: string } | null;
}

/** Worst first. */
export const SERVICE_PROBLEM_RANK: Record<ServiceProblemKind, number> = {
  down: 0,
  'deploy-failed': 1,
  unhealthy: 2,
  degraded: 3,
  'partly-unhealthy': 4,
  stopped: 5,
};

export const HEALTH_PROBLEM_KINDS: ReadonlySet<ServiceProblemKind> = new Set(['unhealthy', 'partly-unhealthy']);

export const byProblemRank = (a: ServiceProblem, b: ServiceProblem): number => SERVICE_PROBLEM_RANK[a.kind] - SERVICE_PROBLEM_RANK[b.kind];

/** A stopped service was asked to stop, an initialized one was never deployed. */
const meantToRun = (state: string): boolean => state !== 'stopped' && state !== 'initialized';

/**
 * The health problem of a service meant to run with something running: only instances
 * that reported unhealthy make one. Pending instances are none, and neither is what the
 * JSON alone leaves open (0/3 may be three instances within their initial delay).
 */
export function healthProblem(health: ServiceHealth, state: string, running: number): ServiceProblem | null {
  if (!meantToRun(state) || running <= 0) return null;
  const detail = `${health.unhealthy ?? 0} of ${health.total} unhealthy`;
  if (health.level === 'unhealthy') return { kind: 'unhealthy', tone: 'danger', title: 'Unhealthy', detail };
  if (health.level === 'partial') return { kind: 'partly-unhealthy', tone: 'warn', title: 'Partly unhealthy', detail };
  return null;
}

/** Whether a service's health is open from its JSON: running instances meant to run, some not reported healthy. */
export function healthIsOpen(service: ProblemService): boolean {
  const health = service.health_status;
  // healthFromService's "unresolved", without building its answer for every service.
  if (health === undefined || health.total <= 0 || health.healthy >= health.total) return false;
  return meantToRun(service.state) && service.instance_counts.running > 0;
}

const NONE: readonly ServiceProblem[] = Object.freeze([]);

/**
 * The problems of one service, worst first, from its JSON, its deploy record and what is
 * known of its health (the JSON's alone by default, which never makes one). Runs for
 * every service of a grid on every poll (5,000 in the large grid): a service with no
 * problem costs a few comparisons and no allocation.
 */
export function serviceProblems(
  service: ProblemService,
  deploy: DeployRecord | undefined,
  health: ServiceHealth = healthFromService(service.health_status),
): readonly ServiceProblem[] {
  const desired = service.instances;
  const running = service.instance_counts.running;
  const daemon = service.strategy === 'daemon';
  const toRun = meantToRun(service.state);
  const stopped = service.state === 'stopped' && desired > 0;
  const down = toRun && desired > 0 && running === 0;
  // With the daemon strategy `instances` is per node: the total wanted is not known here.
  const degraded = !down && toRun && !daemon && running > 0 && running < desired;
  // A new deploy under way is the news: "failed" comes back if it fails too.
  const failed = deploy?.failed && !deploy.inProgress ? deploy.failed : null;
  const unwell = healthProblem(health, service.state, running);
  if (!stopped && !down && !degraded && failed === null && unwell === null) return NONE;

  const problems: ServiceProblem[] = [];
  if (down)
    problems.push({ kind: 'down', tone: 'danger', title: 'Down', detail: daemon ? 'no instance running' : `0 of ${desired} running` });
  if (failed !== null) {
    problems.push({
      kind: 'deploy-failed',
      tone: 'danger',
      title: 'Deploy failed',
      detail: failed.reason || 'the last deploy did not finish',
    });
  }
  if (unwell !== null) problems.push(unwell);
  if (degraded) problems.push({ kind: 'degraded', tone: 'warn', title: 'Degraded', detail: `${running} of ${desired} running` });
  if (stopped) {
    problems.push({
      kind: 'stopped',
      tone: 'warn',
      title: 'Stopped',
      detail: running > 0 ? `${running} still running` : `${desired} wanted`,
    });
  }
  return problems.sort(byProblemRank);
}

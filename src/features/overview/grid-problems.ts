/**
 * What is wrong in a grid, worst first: nodes that stopped reporting, then services down,
 * failed deploys, degraded and stopped ones. The service rules are the wall's
 * (features/wall/wall-tiles serviceProblems; features never import each other, so the
 * same rules are written here for the overview's rows): only services meant to run can
 * be down or degraded, the daemon strategy's `instances` is per node, and a failed deploy
 * counts until a later one succeeds or is under way. Health is not judged here: the
 * service JSON cannot tell pending instances from unhealthy ones (lib/service-health),
 * so services whose health is open are returned as candidates for their rows to ask.
 */
import type { DeployStatus } from '../../api/grid-deploy-events';
import type { Node } from '../../api/schemas/node';
import type { Service } from '../../api/schemas/service';
import { refOfService, serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';

export type ProblemKind = 'node-offline' | 'down' | 'deploy-failed' | 'unhealthy' | 'degraded' | 'partly-unhealthy' | 'stopped';

/** danger: nothing or broken is serving; warn: serving, but not as asked. */
export type ProblemTone = 'danger' | 'warn';

export interface GridProblem {
  /** Unique in the list: "node:<name>" or "service:<G/S/N>:<kind>". */
  key: string;
  kind: ProblemKind;
  tone: ProblemTone;
  /** One or two words: "Offline", "Down", "Deploy failed". */
  title: string;
  /** The node's or service's name as shown. */
  subject: string;
  /** The numbers or the reason behind it; may be empty. */
  detail: string;
  /** The service behind it, or null for a node. */
  service: ServiceRef | null;
  /** The node behind it, or null for a service. */
  node: string | null;
  /** ms epoch the node was last seen (node problems); null when never or not a node. */
  lastSeenMs: number | null;
}

const PROBLEM_RANK: Record<ProblemKind, number> = {
  'node-offline': 0,
  down: 1,
  'deploy-failed': 2,
  unhealthy: 3,
  degraded: 4,
  'partly-unhealthy': 5,
  stopped: 6,
};

const meantToRun = (service: Service): boolean => service.state !== 'stopped' && service.state !== 'initialized';

const NONE: readonly GridProblem[] = Object.freeze([]);

/**
 * The problems of one service its JSON and deploy record tell (health aside). Runs for
 * every service of the grid on every poll (5,000 in the large grid): a service with no
 * problem costs a few comparisons and no allocation.
 */
export function serviceProblems(service: Service, deploy: DeployStatus | undefined): readonly GridProblem[] {
  const desired = service.instances;
  const running = service.instance_counts.running;
  const daemon = service.strategy === 'daemon';
  const toRun = meantToRun(service);
  const stopped = service.state === 'stopped' && desired > 0;
  const down = toRun && desired > 0 && running === 0;
  const degraded = !down && toRun && !daemon && running > 0 && running < desired;
  const failed = deploy?.failed && !deploy.inProgress ? deploy.failed : null;
  if (!stopped && !down && !degraded && failed === null) return NONE;

  const problems: GridProblem[] = [];
  const subject = serviceDisplayName(service);
  const ref = refOfService(service);
  const add = (kind: ProblemKind, tone: ProblemTone, title: string, detail: string) =>
    problems.push({ key: `service:${service.id}:${kind}`, kind, tone, title, subject, detail, service: ref, node: null, lastSeenMs: null });
  if (stopped) add('stopped', 'warn', 'Stopped', running > 0 ? `${running} still running` : `${desired} wanted`);
  if (down) add('down', 'danger', 'Down', daemon ? 'no instance running' : `0 of ${desired} running`);
  if (degraded) add('degraded', 'warn', 'Degraded', `${running} of ${desired} running`);
  if (failed !== null) add('deploy-failed', 'danger', 'Deploy failed', failed.reason || 'the last deploy did not finish');
  return problems;
}

/** A node's problem: it is not connected to the master. */
function nodeProblem(node: Node): GridProblem | null {
  if (node.connected) return null;
  const name = node.name ?? node.id;
  const lastSeenMs = node.last_seen_at === null ? null : Date.parse(node.last_seen_at);
  return {
    key: `node:${node.id}`,
    kind: 'node-offline',
    tone: 'danger',
    title: 'Offline',
    subject: name,
    detail: lastSeenMs === null ? 'never seen' : '',
    service: null,
    node: name,
    lastSeenMs,
  };
}

/** Whether a service's health is open from its JSON: running instances meant to run, some not reported healthy. */
export function healthIsOpen(service: Service): boolean {
  const health = service.health_status;
  // healthFromService's "unresolved", without building its answer for every service.
  if (health === undefined || health.total <= 0 || health.healthy >= health.total) return false;
  return meantToRun(service) && service.instance_counts.running > 0;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareProblems(a: GridProblem, b: GridProblem): number {
  return (
    PROBLEM_RANK[a.kind] - PROBLEM_RANK[b.kind] || collator.compare(a.subject, b.subject) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

interface GridProblems {
  /** Worst first. */
  problems: GridProblem[];
  /** Services whose health only their instances can tell (by name). */
  healthCandidates: Service[];
}

export function gridProblems(
  services: readonly Service[],
  nodes: readonly Node[],
  deploys: Readonly<Record<string, DeployStatus>>,
): GridProblems {
  const problems: GridProblem[] = [];
  const healthCandidates: Service[] = [];
  for (const node of nodes) {
    const problem = nodeProblem(node);
    if (problem !== null) problems.push(problem);
  }
  for (const service of services) {
    const found = serviceProblems(service, deploys[service.id]);
    for (const problem of found) problems.push(problem);
    if (healthIsOpen(service)) healthCandidates.push(service);
  }
  problems.sort(compareProblems);
  healthCandidates.sort((a, b) => collator.compare(serviceDisplayName(a), serviceDisplayName(b)));
  return { problems, healthCandidates };
}

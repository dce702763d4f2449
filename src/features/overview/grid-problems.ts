/**
 * What is wrong in a grid, worst first: nodes that stopped reporting, then services down,
 * failed deploys, degraded and stopped ones. The service rules are lib/service-problems
 * (the wall's too). Health is not judged here: the service JSON cannot tell pending
 * instances from unhealthy ones (lib/service-health), so services whose health is open
 * are returned as candidates for their rows to ask.
 */
import type { DeployStatus } from '../../api/grid-deploy-events';
import type { Node } from '../../api/schemas/node';
import type { Service } from '../../api/schemas/service';
import { refOfService, serviceDisplayName } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';
import { healthIsOpen, SERVICE_PROBLEM_RANK, serviceProblems } from '../../lib/service-problems';
import type { ProblemTone, ServiceProblemKind } from '../../lib/service-problems';

type ProblemKind = 'node-offline' | ServiceProblemKind;

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

/** Offline nodes first, then the services' problems worst first. */
const rankOf = (kind: ProblemKind): number => (kind === 'node-offline' ? -1 : SERVICE_PROBLEM_RANK[kind]);

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

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareProblems(a: GridProblem, b: GridProblem): number {
  return rankOf(a.kind) - rankOf(b.kind) || collator.compare(a.subject, b.subject) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
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
    if (found.length > 0) {
      const subject = serviceDisplayName(service);
      const ref = refOfService(service);
      for (const { kind, tone, title, detail } of found) {
        problems.push({
          key: `service:${service.id}:${kind}`,
          kind,
          tone,
          title,
          subject,
          detail,
          service: ref,
          node: null,
          lastSeenMs: null,
        });
      }
    }
    if (healthIsOpen(service)) healthCandidates.push(service);
  }
  problems.sort(compareProblems);
  healthCandidates.sort((a, b) => collator.compare(serviceDisplayName(a), serviceDisplayName(b)));
  return { problems, healthCandidates };
}

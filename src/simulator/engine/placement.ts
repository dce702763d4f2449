/**
 * Where the scheduler puts each instance (docs/kontena-api.md §4.5): `ha` spreads over
 * availability zones (`az=` labels) and then the least-loaded node, `random` uses the
 * PRNG, `daemon` runs `instances` copies on every node that passes the filters.
 * Affinity filters: node==/!=, label==/!=, service==/!=, container==/!=, `%s` = instance.
 */
import { liveContainers, servicePath } from '../model/store';
import type { ContainerRecord, NodeRecord, ServiceRecord } from '../model/types';
import type { Prng } from './prng';

export interface Slot {
  instanceNumber: number;
  node: NodeRecord;
}

type Plan = { ok: true; slots: Slot[] } | { ok: false; reason: string };

const FILTER = /^(node|label|service|container)(==|!=)(.+)$/;

function serviceMatches(c: ContainerRecord, value: string, self: ServiceRecord): boolean {
  const s = c.service;
  if (!s || c.deletedAt !== null) return false;
  if (value.includes('/')) return `${s.stack.name}/${s.name}` === value;
  return s.name === value && s.stack === self.stack;
}

function applyFilter(nodes: NodeRecord[], filter: string, service: ServiceRecord): NodeRecord[] {
  const m = FILTER.exec(filter);
  if (!m) return [];
  const [, kind, op, value = ''] = m;
  const test = (node: NodeRecord): boolean => {
    switch (kind) {
      case 'node':
        return node.name === value;
      case 'label':
        return node.labels.includes(value);
      case 'service':
        return [...node.containers].some((c) => serviceMatches(c, value, service));
      default:
        return [...node.containers].some((c) => c.deletedAt === null && c.name === value);
    }
  };
  return nodes.filter((n) => (op === '==' ? test(n) : !test(n)));
}

function affinityOf(service: ServiceRecord): string[] {
  return service.affinity.length > 0 ? service.affinity : service.grid.defaultAffinity;
}

type Candidates = { ok: true; nodes: NodeRecord[] } | { ok: false; why: string };

function candidatesFor(service: ServiceRecord, instance: number): Candidates {
  let nodes = [...service.grid.nodes.values()].filter((n) => n.connected).sort((a, b) => a.nodeNumber - b.nodeNumber);
  if (nodes.length === 0) return { ok: false, why: 'There are no nodes available' };
  for (const raw of affinityOf(service)) {
    const filter = raw.replace(/%s/g, String(instance));
    nodes = applyFilter(nodes, filter, service);
    if (nodes.length === 0) return { ok: false, why: `Did not find any nodes for affinity filter: ${filter}` };
  }
  return { ok: true, nodes };
}

function failure(service: ServiceRecord, instance: number, why: string): Plan {
  return { ok: false, reason: `Cannot find applicable node for service instance ${servicePath(service)}-${instance}: ${why}` };
}

function az(node: NodeRecord): string {
  return node.labels.find((l) => l.startsWith('az='))?.slice(3) ?? '';
}

/** Node ports already taken on a node by other services' live containers. */
function usedPorts(node: NodeRecord, service: ServiceRecord): Set<number> {
  const used = new Set<number>();
  for (const c of node.containers) {
    if (c.deletedAt !== null || !c.service || c.service === service) continue;
    for (const p of c.service.ports) used.add(p.nodePort);
  }
  return used;
}

/** How many instances `daemon` wants now (instances × nodes passing the filters). */
function desiredInstances(service: ServiceRecord): number {
  const instances = Math.max(0, service.instances);
  if (service.strategy !== 'daemon') return instances;
  const c = candidatesFor(service, 1);
  return c.ok ? instances * c.nodes.length : 0;
}

export function planDeploy(service: ServiceRecord, rng: Prng): Plan {
  const instances = Math.max(0, service.instances);
  if (service.strategy === 'daemon') {
    if (instances === 0) return { ok: true, slots: [] };
    const c = candidatesFor(service, 1);
    if (!c.ok) return failure(service, 1, c.why);
    const slots: Slot[] = [];
    for (let k = 1; k <= instances * c.nodes.length; k++) {
      const node = c.nodes[(k - 1) % c.nodes.length];
      if (node) slots.push({ instanceNumber: k, node });
    }
    return { ok: true, slots };
  }
  const current = new Map<number, NodeRecord>();
  for (const c of liveContainers(service)) if (c.instanceNumber !== null && c.node) current.set(c.instanceNumber, c.node);
  const planned = new Map<NodeRecord, number>();
  const plannedAz = new Map<string, number>();
  const nodePorts = service.ports.map((p) => p.nodePort);
  const slots: Slot[] = [];
  for (let i = 1; i <= instances; i++) {
    const c = candidatesFor(service, i);
    if (!c.ok) return failure(service, i, c.why);
    let nodes = c.nodes;
    if (nodePorts.length > 0) {
      nodes = nodes.filter((n) => !planned.has(n) && !nodePorts.some((p) => usedPorts(n, service).has(p)));
      if (nodes.length === 0) return failure(service, i, `Did not find any nodes with free ports: ${nodePorts.join(', ')}`);
    }
    let chosen: NodeRecord | undefined;
    if (service.strategy === 'random') {
      chosen = rng.pick(nodes);
    } else {
      const minPlanned = Math.min(...nodes.map((n) => planned.get(n) ?? 0));
      const previous = current.get(i);
      if (previous && nodes.includes(previous) && (service.stateful || (planned.get(previous) ?? 0) === minPlanned)) {
        chosen = previous;
      } else {
        const load = (n: NodeRecord): number => {
          let count = 0;
          for (const x of n.containers) if (x.deletedAt === null && x.service !== service) count += 1;
          return count;
        };
        const ranked = nodes
          .map((n) => ({ n, key: [plannedAz.get(az(n)) ?? 0, planned.get(n) ?? 0, load(n), n.nodeNumber] }))
          .sort((a, b) => {
            for (let k = 0; k < a.key.length; k++) {
              const d = (a.key[k] ?? 0) - (b.key[k] ?? 0);
              if (d !== 0) return d;
            }
            return 0;
          });
        chosen = ranked[0]?.n;
      }
    }
    if (!chosen) return failure(service, i, 'There are no nodes available');
    planned.set(chosen, (planned.get(chosen) ?? 0) + 1);
    plannedAz.set(az(chosen), (plannedAz.get(az(chosen)) ?? 0) + 1);
    slots.push({ instanceNumber: i, node: chosen });
  }
  return { ok: true, slots };
}

/** The scheduler's rule (b): count, numbering, connected nodes and running state all as wanted. */
export function placementOk(service: ServiceRecord): boolean {
  const live = liveContainers(service);
  const desired = desiredInstances(service);
  if (live.length !== desired) return false;
  const numbers = new Set<number>();
  for (const c of live) {
    if (!c.node || !c.node.connected || !c.state.running) return false;
    if (c.instanceNumber === null || c.instanceNumber < 1 || c.instanceNumber > desired) return false;
    numbers.add(c.instanceNumber);
  }
  return numbers.size === desired;
}

/**
 * What the monitor draws, as plain data: one tile per container (what `kontena service
 * monitor` colours, plus health, exit code, OOM and restarts) and one group per node of
 * the grid, with nodes that hold none of the service's instances too (the CLI leaves
 * them out; docs/kontena-api.md §7 suggests adding them from `GET /v1/grids/G/nodes`).
 */
import type { ContainerSummary } from '../../api/schemas/container';
import type { Node } from '../../api/schemas/node';
import type { StatusTone } from '../../components/status-badge';
import { NO_LOAD, nodeLoad } from '../../lib/node-load';
import type { NodeLoad } from '../../lib/node-load';

export interface TileModel {
  /** ContainerSummary id "G/node/name": the React key, stable for the container's life. */
  id: string;
  name: string;
  instance: number | null;
  status: ContainerSummary['status'];
  tone: StatusTone;
  /** Short words on the tile: "running", "exit 137", "OOM", … */
  label: string;
  health: 'healthy' | 'unhealthy' | null;
  /** The exit code of a container that is not running. */
  exitCode: number | null;
  error: string | null;
  serviceRev: number | null;
  /**
   * Runs an older service revision (configuration) than the newest instance: a rolling
   * update is under way, or one failed half-way. (deploy_rev is no such sign: a scale
   * gives only the new instances a new deploy_rev.)
   */
  outdated: boolean;
  startedAt: string | null;
  nodeName: string | null;
}

const STATUS_TONE: Record<ContainerSummary['status'], StatusTone> = {
  running: 'ok',
  paused: 'info',
  restarting: 'warn',
  stopped: 'neutral',
  deleted: 'neutral',
  oom_killed: 'danger',
  dead: 'danger',
};

function labelOf(c: ContainerSummary, exitCode: number | null): string {
  switch (c.status) {
    case 'oom_killed':
      return 'OOM killed';
    case 'stopped':
    case 'dead':
      return exitCode !== null ? `${c.status === 'dead' ? 'dead, ' : ''}exit ${exitCode}` : c.status;
    default:
      return c.status;
  }
}

function revisionOf(c: ContainerSummary): number | null {
  const n = c.service_rev === null ? Number.NaN : Number(c.service_rev);
  return Number.isFinite(n) ? n : null;
}

export function tileModel(c: ContainerSummary, newestRev: number | null): TileModel {
  const serviceRev = revisionOf(c);
  const running = c.status === 'running' || c.status === 'paused' || c.status === 'restarting';
  const exitCode = !running && typeof c.state.exit_code === 'number' ? c.state.exit_code : null;
  const error = c.state.error !== undefined && c.state.error !== '' ? c.state.error : null;
  return {
    id: c.id,
    name: c.name,
    instance: c.instance_number,
    status: c.status,
    tone: STATUS_TONE[c.status],
    label: labelOf(c, exitCode),
    health: c.health_status?.status ?? null,
    exitCode,
    error,
    serviceRev,
    outdated: newestRev !== null && serviceRev !== null && serviceRev < newestRev,
    startedAt: c.started_at,
    nodeName: c.node?.name ?? null,
  };
}

/** Equal when the tile would look the same: memoised tiles compare with this, so a poll re-renders only changed tiles. */
export function sameTile(a: TileModel, b: TileModel): boolean {
  return (
    a.id === b.id &&
    a.status === b.status &&
    a.label === b.label &&
    a.health === b.health &&
    a.exitCode === b.exitCode &&
    a.error === b.error &&
    a.instance === b.instance &&
    a.outdated === b.outdated &&
    a.serviceRev === b.serviceRev &&
    a.startedAt === b.startedAt &&
    a.nodeName === b.nodeName
  );
}

/** What a highlight reacts to: the state an operator watches, not timestamps. */
export function tileSignature(t: TileModel): string {
  return `${t.status}|${t.label}|${t.health ?? ''}|${t.outdated ? 'old' : ''}`;
}

/** A one-line description for screen readers and the tooltip. */
export function describeTile(t: TileModel): string {
  const parts = [`Instance ${t.instance ?? t.name}`, t.label];
  if (t.health) parts.push(t.health);
  if (t.outdated) parts.push(`older revision ${t.serviceRev ?? ''}`.trim());
  if (t.error) parts.push(`reason: ${t.error}`);
  return parts.join(', ');
}

export interface NodeGroup {
  /** Node name, or "" for instances without a node. */
  key: string;
  name: string;
  /** null when the node is unknown (not in the grid's node list). */
  connected: boolean | null;
  lastSeenAt: string | null;
  labels: readonly string[];
  /** The node's latest host sample (from the grid's node list; none for a node it does not know). */
  load: NodeLoad;
  tiles: readonly TileModel[];
}

const byNumber = (a: TileModel, b: TileModel): number =>
  (a.instance ?? Infinity) - (b.instance ?? Infinity) || a.name.localeCompare(b.name);
const collator = new Intl.Collator(undefined, { numeric: true });

/** The newest service revision among the containers. */
function newestServiceRev(containers: readonly ContainerSummary[]): number | null {
  let newest: number | null = null;
  for (const c of containers) {
    const rev = revisionOf(c);
    if (rev !== null && (newest === null || rev > newest)) newest = rev;
  }
  return newest;
}

/** Containers on an older service revision than the newest one. */
export function countOutdated(containers: readonly ContainerSummary[]): number {
  const newest = newestServiceRev(containers);
  if (newest === null) return 0;
  return containers.filter((c) => {
    const rev = revisionOf(c);
    return rev !== null && rev < newest;
  }).length;
}

/**
 * One group per node of the grid (sorted by name, like the CLI), each with its instances
 * by number; nodes the list does not know (or a failed node list) come from the
 * containers themselves.
 */
export function groupByNode(nodes: readonly Node[] | undefined, containers: readonly ContainerSummary[]): NodeGroup[] {
  const newest = newestServiceRev(containers);
  const groups = new Map<string, NodeGroup & { tiles: TileModel[] }>();
  for (const n of nodes ?? []) {
    const name = n.name ?? n.id;
    groups.set(name, {
      key: name,
      name,
      connected: n.connected,
      lastSeenAt: n.last_seen_at,
      labels: n.labels,
      load: nodeLoad(n.resource_usage, n.mem_total),
      tiles: [],
    });
  }
  for (const c of containers) {
    const key = c.node?.name ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        name: key === '' ? 'No node' : key,
        connected: c.node ? c.node.connected : null,
        lastSeenAt: c.node?.last_seen_at ?? null,
        labels: c.node?.labels ?? [],
        load: NO_LOAD,
        tiles: [],
      };
      groups.set(key, group);
    }
    group.tiles.push(tileModel(c, newest));
  }
  for (const group of groups.values()) group.tiles.sort(byNumber);
  return [...groups.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : collator.compare(a.name, b.name)));
}

interface StatusCount {
  tone: StatusTone;
  label: string;
  count: number;
}

/** "18 running · 1 stopped · 1 OOM killed", in a fixed order. */
export function countByStatus(containers: readonly ContainerSummary[]): StatusCount[] {
  const order: ContainerSummary['status'][] = ['running', 'restarting', 'paused', 'stopped', 'oom_killed', 'dead', 'deleted'];
  const counts = new Map<ContainerSummary['status'], number>();
  for (const c of containers) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return order
    .filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => ({ tone: STATUS_TONE[s], label: s === 'oom_killed' ? 'OOM killed' : s, count: counts.get(s) ?? 0 }));
}

export function healthCount(containers: readonly ContainerSummary[]): { healthy: number; reporting: number } {
  let healthy = 0;
  let reporting = 0;
  for (const c of containers) {
    if (!c.health_status) continue;
    reporting += 1;
    if (c.health_status.status === 'healthy') healthy += 1;
  }
  return { healthy, reporting };
}

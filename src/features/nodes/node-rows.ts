/**
 * The nodes list's rows: each node with the figures its columns show and sort by, worked
 * out once per answer (and per minute of the clock, for "not reporting"), then filtered
 * and sorted for the view. At 100 nodes this is a few microseconds; rows do no work.
 */
import type { Node } from '../../api/schemas/node';
import { nodeUsage, share } from './node-usage';
import type { NodeUsage } from './node-usage';
import { REPORTING_RANK, reportingState } from './node-reporting';
import type { ReportingState } from './node-reporting';
import type { NodesView } from './nodes-view';

export interface NodeRow {
  node: Node;
  /** The node's name, or its docker id while the master has none. */
  name: string;
  reporting: ReportingState;
  usage: NodeUsage;
  memPercent: number | null;
  diskPercent: number | null;
  seenAt: number | null;
  /** Lower-cased name, labels and IPs: what the filter box matches. */
  haystack: string;
}

export function nodeRow(node: Node, now: number): NodeRow {
  const usage = nodeUsage(node);
  const seen = node.last_seen_at === null ? NaN : Date.parse(node.last_seen_at);
  const name = node.name ?? node.id;
  return {
    node,
    name,
    reporting: reportingState(node, now),
    usage,
    memPercent: share(usage.memUsed, usage.memTotal),
    diskPercent: share(usage.diskUsed, usage.diskTotal),
    seenAt: Number.isFinite(seen) ? seen : null,
    haystack: [name, ...node.labels, node.public_ip ?? '', node.private_ip ?? '', node.overlay_ip].join('\n').toLowerCase(),
  };
}

type Key = string | number | null;

function sortValue(row: NodeRow, sort: NodesView['sort']): Key {
  switch (sort) {
    case 'name':
      return row.name.toLowerCase();
    case 'state':
      return REPORTING_RANK[row.reporting.kind];
    case 'number':
      return row.node.node_number;
    case 'agent':
      return row.node.agent_version;
    case 'cpu':
      return row.usage.cpuPercent;
    case 'memory':
      return row.memPercent;
    case 'disk':
      return row.diskPercent;
    case 'load':
      return row.usage.load1;
    case 'seen':
      return row.seenAt;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** The rows the view shows, in its order; unknown values (no sample) always last, ties by name. */
export function viewRows(rows: readonly NodeRow[], view: NodesView): NodeRow[] {
  const q = view.q.trim().toLowerCase();
  const shown = rows.filter((row) => {
    if (view.state === 'online' && row.reporting.kind !== 'online') return false;
    if (view.state === 'offline' && row.reporting.kind === 'online') return false;
    return q === '' || row.haystack.includes(q);
  });
  const sign = view.dir === 'asc' ? 1 : -1;
  return shown.sort((a, b) => {
    const ka = sortValue(a, view.sort);
    const kb = sortValue(b, view.sort);
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    const byKey = ka === null || kb === null ? 0 : sign * compareKeys(ka, kb);
    return byKey !== 0 ? byKey : a.name.localeCompare(b.name, undefined, { numeric: true });
  });
}

/**
 * A node's load from its latest host sample (NodeJson `resource_usage`, docs/kontena-api-grid.md
 * G2.1): CPU as user + system + nice percent, memory as `kontena node show` counts it
 * (used − (cached + buffers)) against the total. The sample's fields are loosely typed
 * in the schema: anything missing or not a number gives null, never a made-up zero.
 */
import type { Node } from '../../api/schemas/node';

export interface NodeUsage {
  name: string;
  connected: boolean;
  /** Percent of the node's CPUs, 0–100; null without a sample. */
  cpu: number | null;
  /** Percent of its memory in use; null without a sample. */
  memory: number | null;
  memoryUsed: number | null;
  memoryTotal: number | null;
}

const num = (record: Record<string, unknown> | undefined, key: string): number | null => {
  const value = record?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export function nodeUsage(node: Node): NodeUsage {
  const usage = node.resource_usage;
  const user = num(usage?.cpu, 'user');
  const system = num(usage?.cpu, 'system');
  const nice = num(usage?.cpu, 'nice') ?? 0;
  const cpu = user === null || system === null ? null : Math.min(100, Math.max(0, user + system + nice));
  const used = num(usage?.memory, 'used');
  const total = num(usage?.memory, 'total');
  const cached = num(usage?.memory, 'cached') ?? 0;
  const buffers = num(usage?.memory, 'buffers') ?? 0;
  const memoryUsed = used === null ? null : Math.max(0, used - (cached + buffers));
  const memory = memoryUsed === null || total === null || total <= 0 ? null : Math.min(100, (memoryUsed / total) * 100);
  return { name: node.name ?? node.id, connected: node.connected, cpu, memory, memoryUsed, memoryTotal: total };
}

/** The `limit` busiest nodes by `key`, busiest first; nodes without a sample are left out. */
export function topNodes(nodes: readonly NodeUsage[], key: 'cpu' | 'memory', limit: number): NodeUsage[] {
  return nodes
    .filter((n) => n[key] !== null)
    .sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

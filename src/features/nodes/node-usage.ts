/**
 * A node's resource usage as `kontena node show` reads its latest host sample
 * (docs/kontena-api-grid.md G2.1): CPU = user + system + nice, memory used = used − (cached +
 * buffers) of total, disk = the sum over its filesystems, load over 1/5/15 min. Every figure
 * is null when the node never reported a sample or the field is missing.
 */
import type { Node } from '../../api/schemas/node';

export interface NodeUsage {
  cpuPercent: number | null;
  memUsed: number | null;
  memTotal: number | null;
  diskUsed: number | null;
  diskTotal: number | null;
  load1: number | null;
  load5: number | null;
  load15: number | null;
}

function num(record: Record<string, unknown> | undefined, key: string): number | null {
  const value = record?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function sum(values: readonly (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

export function nodeUsage(node: Pick<Node, 'resource_usage' | 'mem_total'>): NodeUsage {
  const usage = node.resource_usage;
  const cpu = usage?.cpu;
  const memory = usage?.memory;
  const parts = [num(cpu, 'user'), num(cpu, 'system'), num(cpu, 'nice')];
  const used = num(memory, 'used');
  const cache = (num(memory, 'cached') ?? 0) + (num(memory, 'buffers') ?? 0);
  const filesystems = usage?.filesystem ?? [];
  return {
    cpuPercent: parts.every((p) => p === null) ? null : (sum(parts) ?? 0),
    memUsed: used === null ? null : Math.max(0, used - cache),
    memTotal: num(memory, 'total') ?? node.mem_total,
    diskUsed: sum(filesystems.map((f) => num(f, 'used'))),
    diskTotal: sum(filesystems.map((f) => num(f, 'total'))),
    load1: num(usage?.load, '1m'),
    load5: num(usage?.load, '5m'),
    load15: num(usage?.load, '15m'),
  };
}

/** used / total × 100, or null when either is unknown or total is 0. */
export function share(used: number | null, total: number | null): number | null {
  return used === null || total === null || total <= 0 ? null : (used / total) * 100;
}

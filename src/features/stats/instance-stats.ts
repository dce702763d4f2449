/**
 * One instance's stats as the page shows them, from a master StatRow (docs/kontena-api.md
 * §4.7): CPU %, memory used/limit (null limit = unlimited), network per second and in
 * total (internal + external, like the CLI's NET I/O), and the service totals.
 */
import type { StatRow } from '../../api/schemas/stats';
import { isUnlimitedMemory, memoryPercent } from '../../lib/format-units';
import { sumReported } from '../../lib/sum-reported';

export interface InstanceStat {
  /** Container name, e.g. "shop.app-2": the StatRow's `container_id`. */
  name: string;
  /** The instance number from the name's "-N" suffix, or null. */
  instance: number | null;
  cpu: number | null;
  memory: number | null;
  /** null when docker reports no limit (the sentinels) or there is no sample. */
  memoryLimit: number | null;
  memoryPercent: number | null;
  rxRate: number | null;
  txRate: number | null;
  rxBytes: number | null;
  txBytes: number | null;
}

function instanceNumberOf(containerName: string): number | null {
  const match = /-(\d+)$/.exec(containerName);
  return match ? Number(match[1]) : null;
}

/** "#2", or the name when it has no number. */
export function instanceLabel(stat: Pick<InstanceStat, 'name' | 'instance'>): string {
  return stat.instance === null ? stat.name : `#${stat.instance}`;
}

export function toInstanceStat(row: StatRow): InstanceStat {
  const net = row.network;
  const limit = row.memory && !isUnlimitedMemory(row.memory.limit) ? row.memory.limit : null;
  return {
    name: row.container_id,
    instance: instanceNumberOf(row.container_id),
    cpu: row.cpu?.usage ?? null,
    memory: row.memory?.usage ?? null,
    memoryLimit: limit,
    memoryPercent: row.memory ? memoryPercent(row.memory.usage, row.memory.limit) : null,
    rxRate: net ? net.internal.rx_bytes_per_second + net.external.rx_bytes_per_second : null,
    txRate: net ? net.internal.tx_bytes_per_second + net.external.tx_bytes_per_second : null,
    rxBytes: net ? net.internal.rx_bytes + net.external.rx_bytes : null,
    txBytes: net ? net.internal.tx_bytes + net.external.tx_bytes : null,
  };
}

export interface ServiceTotals {
  /** Instances with a sample. */
  reporting: number;
  /** Mean CPU % of the instances with a sample, as the master's metrics define it. */
  cpuMean: number | null;
  /** Sum of CPU % (200 % = two cores busy). */
  cpuSum: number | null;
  memory: number | null;
  /** Sum of limits, or null when any instance is unlimited. */
  memoryLimit: number | null;
  rxRate: number | null;
  txRate: number | null;
  rxBytes: number | null;
  txBytes: number | null;
}

/** Service totals with the master's metrics rules: CPU as a mean, memory and network as sums. */
export function serviceTotals(stats: readonly InstanceStat[]): ServiceTotals {
  const withCpu = stats.filter((s) => s.cpu !== null);
  const cpuSum = sumReported(withCpu, (s) => s.cpu);
  const sampled = stats.filter((s) => s.memory !== null);
  return {
    reporting: stats.filter((s) => s.cpu !== null || s.memory !== null || s.rxRate !== null).length,
    cpuMean: cpuSum === null ? null : cpuSum / withCpu.length,
    cpuSum,
    memory: sumReported(stats, (s) => s.memory),
    memoryLimit: sampled.length > 0 && sampled.every((s) => s.memoryLimit !== null) ? sumReported(sampled, (s) => s.memoryLimit) : null,
    rxRate: sumReported(stats, (s) => s.rxRate),
    txRate: sumReported(stats, (s) => s.txRate),
    rxBytes: sumReported(stats, (s) => s.rxBytes),
    txBytes: sumReported(stats, (s) => s.txBytes),
  };
}

export const STAT_SORT_KEYS = ['instance', 'cpu', 'memory', 'mem_pct', 'rx', 'tx', 'net_io'] as const;
export type StatSortKey = (typeof STAT_SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

const COLUMN_FIELD = {
  instance: 'instance',
  cpu: 'cpu',
  memory: 'memory',
  mem_pct: 'memoryPercent',
  rx: 'rxRate',
  tx: 'txRate',
} as const satisfies Record<Exclude<StatSortKey, 'net_io'>, keyof InstanceStat>;

/** The number behind a column (what it sorts by, and what a chart of that metric draws); null = no sample. */
export function statValue(s: InstanceStat, key: StatSortKey): number | null {
  if (key === 'net_io') return s.rxBytes === null && s.txBytes === null ? null : (s.rxBytes ?? 0) + (s.txBytes ?? 0);
  return s[COLUMN_FIELD[key]];
}

/**
 * Sorted like the master's `?sort=` (descending by default), on any column. Instances
 * without a sample go last whatever the order, then by instance number, so rows do not
 * jump around between equal values.
 */
export function sortInstanceStats(stats: readonly InstanceStat[], key: StatSortKey, order: SortOrder): InstanceStat[] {
  const dir = order === 'asc' ? 1 : -1;
  return [...stats].sort((a, b) => {
    const va = statValue(a, key);
    const vb = statValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return (va - vb) * dir;
    }
    return (a.instance ?? Infinity) - (b.instance ?? Infinity) || a.name.localeCompare(b.name);
  });
}

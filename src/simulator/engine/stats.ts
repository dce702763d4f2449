/**
 * Container stats, computed on demand as a deterministic function of (seed,
 * container, time): nothing is stored, so the `large` scenario's 15,000 containers
 * cost no memory, and the same request gives the same numbers.
 * STUB: implemented by the telemetry/streaming work.
 */

export interface StatContainer {
  /** Stable key of the container record (its internal id). */
  key: string;
  /** Container name, e.g. "redis-1"; StatRow.container_id is this name. */
  name: string;
  image: string;
  running: boolean;
  /** ms epoch the container started; no samples before it. */
  startedAtMs: number;
  /** Service memory limit in bytes, or null for unlimited. */
  memoryLimit: number | null;
  cpuShares: number | null;
  /** Cores of the node (num_cores). */
  cores: number;
}

export interface NetSide {
  interfaces: string[];
  rx_bytes: number;
  rx_bytes_per_second: number;
  tx_bytes: number;
  tx_bytes_per_second: number;
}

/** kontena-api.md §4.7 StatRow. */
export interface StatRowJson {
  container_id: string;
  cpu: { usage: number; limit: number; num_cores: number } | null;
  memory: { usage: number; limit: number } | null;
  network: { internal: NetSide; external: NetSide } | null;
}

/** kontena-api.md §4.7 MetricsJson.stats[number]. */
export interface MetricsEntryJson {
  timestamp: string;
  cpu: { used: number; cores: number };
  memory: { used: number; total: number; free: 0; active: 0; inactive: 0; cached: 0; buffers: 0 };
  network: { internal: NetSide; external: NetSide };
}

/** The row for the container's latest sample at `atMs` (cpu/memory/network null when it has no sample yet). */
export function statRow(_c: StatContainer, _seed: number, _atMs: number): StatRowJson {
  throw new Error('not implemented');
}

/** Per-minute metrics of a service's containers between fromMs and toMs, ascending, one entry per minute with data. */
export function serviceMetrics(_containers: readonly StatContainer[], _seed: number, _fromMs: number, _toMs: number): MetricsEntryJson[] {
  throw new Error('not implemented');
}

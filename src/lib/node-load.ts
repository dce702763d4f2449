/**
 * A node's load as `kontena node show` reads its `resource_usage` (the latest host sample,
 * docs/kontena-api-grid.md G2.1): CPU busy = user + system + nice (percent of the whole
 * host), memory used = used − (cached + buffers), of the sample's total (or the node's
 * mem_total when the sample has none). Shared by the monitor's node cards and the wall's
 * node tiles; plain numbers, so the callers compare them cheaply.
 */

interface ResourceUsageLike {
  cpu?: Readonly<Record<string, unknown>>;
  memory?: Readonly<Record<string, unknown>>;
}

export interface NodeLoad {
  /** 0–100, one decimal; null without a sample. */
  cpuPercent: number | null;
  /** Bytes; null without a sample. */
  memUsed: number | null;
  memTotal: number | null;
}

export const NO_LOAD: NodeLoad = Object.freeze({ cpuPercent: null, memUsed: null, memTotal: null });

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function nodeLoad(usage: ResourceUsageLike | undefined, memTotal: number | null = null): NodeLoad {
  if (usage === undefined) return memTotal === null ? NO_LOAD : { ...NO_LOAD, memTotal };
  const cpu = usage.cpu ?? {};
  const parts = [num(cpu.user), num(cpu.system), num(cpu.nice)];
  const busy = parts.every((p) => p === null) ? null : parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
  const memory = usage.memory ?? {};
  const used = num(memory.used);
  const cached = (num(memory.cached) ?? 0) + (num(memory.buffers) ?? 0);
  return {
    cpuPercent: busy === null ? null : Math.round(Math.min(100, Math.max(0, busy)) * 10) / 10,
    memUsed: used === null ? null : Math.max(0, used - cached),
    memTotal: num(memory.total) ?? memTotal,
  };
}

/** Memory used as a share of the total, 0–100; null when either is unknown. */
export function memPercent(load: NodeLoad): number | null {
  if (load.memUsed === null || load.memTotal === null || load.memTotal <= 0) return null;
  return Math.min(100, (load.memUsed / load.memTotal) * 100);
}

export function sameLoad(a: NodeLoad, b: NodeLoad): boolean {
  return a.cpuPercent === b.cpuPercent && a.memUsed === b.memUsed && a.memTotal === b.memTotal;
}

/** Whole minutes since the node was last seen ("not reporting for N min"), at least 1; null when never seen. */
export function silentMinutes(lastSeenAt: string | null, nowMs: number): number | null {
  if (lastSeenAt === null) return null;
  const seen = Date.parse(lastSeenAt);
  if (!Number.isFinite(seen)) return null;
  return Math.max(1, Math.floor((nowMs - seen) / 60_000));
}

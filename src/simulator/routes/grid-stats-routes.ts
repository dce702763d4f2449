/**
 * `/v1/grids/G/stats[/*]` and `/v1/grids/G/metrics` (docs/kontena-api-grid.md G1.5, G1.6):
 * container rows from the same sampled data as the service stats (engine/stats), and
 * metrics as the per-minute sums of the nodes' host samples (engine/node-stats).
 */
import type { SimContext } from '../context';
import { nodeMetrics, type HostMetricsEntry } from '../engine/node-stats';
import { statRow, type NetSide } from '../engine/stats';
import { json } from '../http';
import { olderFirst } from '../model/store';
import type { ContainerRecord, GridRecord } from '../model/types';
import { isoZ, parseTime } from '../model/time';
import type { Router } from '../router';
import { loadGrid, toI } from './helpers';
import { sortValue, statContainer } from './stats-routes';

const HOUR = 3_600_000;

/** The grid's default container scope: not deleted, type `container`, with a docker id; oldest first. */
function gridContainers(grid: GridRecord): ContainerRecord[] {
  const out: ContainerRecord[] = [];
  for (const c of grid.containers.values()) {
    if (c.deletedAt === null && c.containerType === 'container' && c.containerId !== '') out.push(c);
  }
  return out.sort(olderFirst);
}

function gridStats(ctx: SimContext, grid: GridRecord, url: URL): Response {
  const now = ctx.clock.now();
  const sort = url.searchParams.get('sort') ?? 'cpu';
  const rows = gridContainers(grid).map((c) => statRow(statContainer(c), ctx.seed, now));
  rows.sort((a, b) => sortValue(b, sort) - sortValue(a, sort));
  if (!url.searchParams.has('limit')) return json(200, { stats: rows });
  // Ruby `first(limit.to_i)`: 0 or junk → [], a negative count raises → 500.
  const limit = toI(url.searchParams.get('limit'));
  if (limit < 0) throw new Error('negative array size');
  return json(200, { stats: rows.slice(0, limit) });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function addSide(into: NetSide, from: NetSide): void {
  into.rx_bytes += from.rx_bytes;
  into.rx_bytes_per_second += from.rx_bytes_per_second;
  into.tx_bytes += from.tx_bytes;
  into.tx_bytes_per_second += from.tx_bytes_per_second;
}

function copySide(s: NetSide): NetSide {
  return {
    interfaces: [...s.interfaces],
    rx_bytes: s.rx_bytes,
    rx_bytes_per_second: s.rx_bytes_per_second,
    tx_bytes: s.tx_bytes,
    tx_bytes_per_second: s.tx_bytes_per_second,
  };
}

/** G1.6 step 3: per minute across nodes, SUMS of everything (cpu.used and cores too); interfaces of the first node. */
function gridMetrics(grid: GridRecord, seed: number, fromMs: number, toMs: number, nowMs: number): HostMetricsEntry[] {
  const minutes = new Map<string, HostMetricsEntry>();
  for (const node of grid.nodes.values()) {
    for (const e of nodeMetrics(node, seed, fromMs, toMs, nowMs)) {
      const sum = minutes.get(e.timestamp);
      if (sum === undefined) {
        minutes.set(e.timestamp, {
          timestamp: e.timestamp,
          cpu: { ...e.cpu },
          memory: { ...e.memory },
          filesystem: { ...e.filesystem },
          network: { internal: copySide(e.network.internal), external: copySide(e.network.external) },
        });
        continue;
      }
      sum.cpu.used += e.cpu.used;
      sum.cpu.cores += e.cpu.cores;
      const m = sum.memory;
      m.used += e.memory.used;
      m.total += e.memory.total;
      m.free += e.memory.free;
      m.active += e.memory.active;
      m.inactive += e.memory.inactive;
      m.cached += e.memory.cached;
      m.buffers += e.memory.buffers;
      sum.filesystem.used += e.filesystem.used;
      sum.filesystem.total += e.filesystem.total;
      addSide(sum.network.internal, e.network.internal);
      addSide(sum.network.external, e.network.external);
    }
  }
  return [...minutes.values()]
    .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0))
    .map((e) => ({ ...e, cpu: { used: round2(e.cpu.used), cores: e.cpu.cores } }));
}

export function gridStatsRoutes(router: Router): void {
  router.get('/v1/grids/:grid/stats', ({ auth, params, url }, ctx) => gridStats(ctx, loadGrid(ctx, auth, params.grid ?? ''), url));

  // (quirk) GridStat records are never written in 1.2: always empty.
  router.get('/v1/grids/:grid/stats/containers', ({ auth, params }, ctx) => {
    loadGrid(ctx, auth, params.grid ?? '');
    return json(200, { stats: [] });
  });

  // (quirk) With samples of the last day these render a missing partial → 500.
  for (const kind of ['memory_usage', 'cpu_usage', 'filesystem_usage']) {
    router.get(`/v1/grids/:grid/stats/${kind}`, ({ auth, params }, ctx) => {
      const grid = loadGrid(ctx, auth, params.grid ?? '');
      const dayAgo = ctx.clock.now() - 24 * HOUR;
      const sampled = [...grid.containers.values()].some(
        (c) => c.containerType === 'container' && (c.state.running || (c.finishedAt ?? 0) > dayAgo),
      );
      if (sampled) throw new Error(`missing template terminal_stats/${kind}`);
      return json(200, { stats: [] });
    });
  }

  router.get('/v1/grids/:grid/metrics', ({ auth, params, url }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const parse = (name: string): number | null => {
      const text = url.searchParams.get(name);
      if (text === null) return null;
      const ms = parseTime(text);
      // Ruby Time.parse raises on junk, which the route does not rescue.
      if (ms === null) throw new Error(`invalid time ${name}`);
      return ms;
    };
    const now = ctx.clock.now();
    const to = parse('to') ?? now;
    const from = parse('from') ?? to - HOUR;
    return json(200, { from: isoZ(from), to: isoZ(to), stats: gridMetrics(grid, ctx.seed, from, to, now) });
  });
}

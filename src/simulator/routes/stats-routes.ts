/** `…/stats` and `…/metrics` of a service (docs/kontena-api.md §4.7), computed on demand by engine/stats. */
import type { SimContext } from '../context';
import { serviceMetrics, statRow, type StatContainer, type StatRowJson } from '../engine/stats';
import { json } from '../http';
import { liveContainers } from '../model/store';
import type { ContainerRecord, ServiceRecord } from '../model/types';
import { isoZ, parseTime } from '../model/time';
import { toI } from './helpers';

export function statContainer(c: ContainerRecord): StatContainer {
  return {
    key: c.id,
    name: c.name,
    image: c.image,
    running: c.state.running,
    startedAtMs: c.startedAt ?? c.createdAt,
    finishedAtMs: c.state.running ? null : (c.finishedAt ?? c.deletedAt),
    memoryLimit: c.service?.memory ?? null,
    cpuShares: c.service?.cpuShares ?? null,
    cores: c.node?.cpus ?? 1,
  };
}

export function sortValue(row: StatRowJson, sort: string): number {
  switch (sort) {
    case 'memory':
      return row.memory?.usage ?? 0;
    case 'rx_bytes':
      return row.network ? row.network.internal.rx_bytes + row.network.external.rx_bytes : 0;
    case 'tx_bytes':
      return row.network ? row.network.internal.tx_bytes + row.network.external.tx_bytes : 0;
    default:
      return row.cpu?.usage ?? 0;
  }
}

export function statsResponse(ctx: SimContext, service: ServiceRecord, url: URL): Response {
  return containerStatsResponse(ctx, liveContainers(service), url);
}

/** StatRows of live containers (service, node and grid stats share the sort and limit rules). */
export function containerStatsResponse(ctx: SimContext, containers: readonly ContainerRecord[], url: URL): Response {
  const now = ctx.clock.now();
  const sort = url.searchParams.get('sort') ?? 'cpu';
  const rows = containers.filter((c) => c.containerId !== '').map((c) => statRow(statContainer(c), ctx.seed, now));
  rows.sort((a, b) => sortValue(b, sort) - sortValue(a, sort));
  const limit = url.searchParams.has('limit') ? toI(url.searchParams.get('limit')) : 0;
  return json(200, { stats: limit > 0 ? rows.slice(0, limit) : rows });
}

const HOUR = 3_600_000;

export function metricsResponse(ctx: SimContext, service: ServiceRecord, url: URL): Response {
  const q = url.searchParams;
  const parse = (name: string): number | null => {
    const text = q.get(name);
    if (text === null) return null;
    const ms = parseTime(text);
    // Ruby Time.parse raises on junk, which the route does not rescue.
    if (ms === null) throw new Error(`invalid time ${name}`);
    return ms;
  };
  const to = parse('to') ?? ctx.clock.now();
  const from = parse('from') ?? to - HOUR;
  const containers = [...service.containers].filter((c) => c.containerType === 'container').map(statContainer);
  return json(200, { from: isoZ(from), to: isoZ(to), stats: serviceMetrics(containers, ctx.seed, from, to, ctx.clock.now()) });
}

/** GridJson (docs/kontena-api.md §4.2), keys in the server's order. */
import type { GridRecord } from '../model/types';

export interface GridJson {
  id: string;
  name: string;
  token: string;
  initial_size: number;
  stats: { statsd: { server: string; port: number } | null };
  default_affinity: string[];
  trusted_subnets: string[];
  node_count: number;
  service_count: number;
  container_count: number;
  user_count: number;
  subnet: string;
  supernet: string;
  logs?: { forwarder: string; opts: Record<string, string> };
}

export function gridJson(grid: GridRecord): GridJson {
  let containers = 0;
  for (const c of grid.containers.values()) if (c.deletedAt === null) containers += 1;
  const json: GridJson = {
    id: grid.name,
    name: grid.name,
    token: grid.token,
    initial_size: grid.initialSize,
    stats: { statsd: grid.statsd },
    default_affinity: [...grid.defaultAffinity],
    trusted_subnets: [...grid.trustedSubnets],
    node_count: grid.nodes.size,
    service_count: grid.services.size,
    container_count: containers,
    user_count: grid.memberIds.size,
    subnet: grid.subnet,
    supernet: grid.supernet,
  };
  const logs = gridLogsJson(grid);
  if (logs) json.logs = logs;
  return json;
}

/** A grid's log forwarding settings, as GridJson and NodeJson.grid show them (absent when none). */
export function gridLogsJson(grid: GridRecord): GridJson['logs'] {
  return grid.logs ? { forwarder: grid.logs.forwarder, opts: { ...grid.logs.opts } } : undefined;
}

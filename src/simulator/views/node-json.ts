/** NodeJson (docs/kontena-api.md §4.13). `resource_usage` is computed from noise for connected nodes and omitted otherwise. */
import { noise } from '../engine/prng';
import { overlayIp } from '../model/store';
import type { NodeRecord } from '../model/types';
import { isoOrNull, isoZ } from '../model/time';
import { gridLogsJson, type GridJson } from './grid-json';

interface NodeJson {
  id: string;
  connected: boolean;
  created_at: string;
  updated_at: string;
  last_seen_at: string | null;
  name: string | null;
  os: string | null;
  engine_root_dir: string | null;
  driver: string | null;
  network_drivers: { name: string; version: string | null }[];
  volume_drivers: { name: string; version: string | null }[];
  kernel_version: string | null;
  labels: string[];
  mem_total: number | null;
  mem_limit: number | null;
  cpus: number | null;
  public_ip: string | null;
  private_ip: string | null;
  overlay_ip: string;
  agent_version: string | null;
  docker_version: string | null;
  peer_ips: string[];
  node_number: number;
  initial_member: boolean;
  grid: {
    id: string;
    name: string;
    initial_size: number;
    token: string;
    stats: { statsd: { server: string; port: number } | null };
    logs?: GridJson['logs'];
    trusted_subnets: string[];
    subnet: string;
    supernet: string;
  };
  resource_usage?: {
    memory: Record<string, number>;
    load: Record<string, number>;
    filesystem: Record<string, string | number>[];
    usage: Record<string, number>;
    cpu: Record<string, number>;
  };
}

function region(node: NodeRecord): string | undefined {
  return node.labels.find((l) => l.startsWith('region='))?.slice('region='.length);
}

export function nodeJson(node: NodeRecord, seed: number, nowMs: number): NodeJson {
  const grid = node.grid;
  const myRegion = region(node);
  const peers: string[] = [];
  for (const other of grid.nodes.values()) {
    if (other === node) continue;
    peers.push(region(other) === myRegion ? other.privateIp : other.publicIp);
  }
  const gridPart: NodeJson['grid'] = {
    id: grid.name,
    name: grid.name,
    initial_size: grid.initialSize,
    token: grid.token,
    stats: { statsd: grid.statsd },
    trusted_subnets: [...grid.trustedSubnets],
    subnet: grid.subnet,
    supernet: grid.supernet,
  };
  const logs = gridLogsJson(grid);
  if (logs) gridPart.logs = logs;
  const json: NodeJson = {
    id: node.id,
    connected: node.connected,
    created_at: isoZ(node.createdAt),
    updated_at: isoZ(node.updatedAt),
    last_seen_at: isoOrNull(node.lastSeenAt),
    name: node.name,
    os: node.os,
    engine_root_dir: node.engineRootDir,
    driver: node.driver,
    network_drivers: [
      { name: 'bridge', version: null },
      { name: 'host', version: null },
      { name: 'null', version: null },
      { name: 'weavemesh', version: '1.9.3' },
    ],
    volume_drivers: [{ name: 'local', version: null }],
    kernel_version: node.kernelVersion,
    labels: [...node.labels],
    mem_total: node.memTotal,
    mem_limit: node.memLimit,
    cpus: node.cpus,
    public_ip: node.publicIp,
    private_ip: node.privateIp,
    overlay_ip: overlayIp(grid, node.nodeNumber),
    agent_version: node.agentVersion,
    docker_version: node.dockerVersion,
    peer_ips: peers,
    node_number: node.nodeNumber,
    initial_member: node.initialMember,
    grid: gridPart,
  };
  if (node.connected) json.resource_usage = resourceUsage(node, seed, nowMs);
  return json;
}

function resourceUsage(node: NodeRecord, seed: number, nowMs: number): NonNullable<NodeJson['resource_usage']> {
  const step = Math.floor(nowMs / 60_000);
  const n = (k: string) => noise(seed, `${node.id}:${k}`, step);
  const running = [...node.containers].filter((c) => c.state.running).length;
  const used = Math.min(node.memTotal, Math.round(node.memTotal * (0.15 + 0.04 * running + 0.1 * n('mem'))));
  const cached = Math.round((node.memTotal - used) * 0.3);
  const fsTotal = 100 * 1024 ** 3;
  const fsUsed = Math.round(fsTotal * (0.2 + 0.3 * noise(seed, `${node.id}:fs`, 0)));
  const load1 = Math.round((0.1 + running * 0.08 + n('load') * node.cpus * 0.5) * 100) / 100;
  const user = Math.round((2 + running * 1.5 + n('cpu') * 20) * 10) / 10;
  return {
    memory: { used, cached, buffers: Math.round(cached / 10), total: node.memTotal, free: node.memTotal - used },
    load: { '1m': load1, '5m': Math.round(load1 * 0.9 * 100) / 100, '15m': Math.round(load1 * 0.8 * 100) / 100 },
    filesystem: [{ name: node.engineRootDir, free: fsTotal - fsUsed, total: fsTotal, used: fsUsed }],
    usage: { container_seconds: running * 60 },
    cpu: {
      num_cores: node.cpus,
      system: Math.round(user * 0.3 * 10) / 10,
      user,
      idle: Math.max(0, Math.round((100 - user * 1.3) * 10) / 10),
    },
  };
}

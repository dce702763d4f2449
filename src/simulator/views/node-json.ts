/**
 * NodeJson (docs/kontena-api-grid.md G2.1, docs/kontena-api.md §4.13). `resource_usage` is the
 * node's latest host sample (engine/node-stats), omitted when the node never reported one.
 */
import { latestHostSample, type HostSample } from '../engine/node-stats';
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
  resource_usage?: Omit<HostSample, 'network'>;
}

function region(node: NodeRecord): string {
  // The last `region=` label wins; no label is the region "default".
  const label = node.labels.filter((l) => l.startsWith('region=')).pop();
  return label === undefined ? 'default' : label.slice('region='.length);
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
  const sample = latestHostSample(node, seed, nowMs);
  if (sample) {
    const { memory, load, filesystem, usage, cpu } = sample;
    json.resource_usage = { memory, load, filesystem, usage, cpu };
  }
  return json;
}

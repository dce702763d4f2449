/** ContainerJson (docs/kontena-api.md §4.6); `node` and `health_status` keys disappear when empty. */
import type { ContainerRecord } from '../model/types';
import { isoOrNull, isoZ } from '../model/time';
import { servicePath } from '../model/store';

type ContainerStatus = 'running' | 'stopped' | 'paused' | 'restarting' | 'oom_killed' | 'dead' | 'deleted';

interface ContainerJson {
  id: string;
  name: string;
  container_id: string;
  grid_id: string | null;
  node?: {
    id: string;
    connected: boolean;
    last_seen_at: string | null;
    name: string;
    labels: string[];
    public_ip: string | null;
    private_ip: string | null;
    node_number: number;
    grid: { id: string; name: string; initial_size: number };
  };
  service_id: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  deleted_at: string | null;
  status: ContainerStatus;
  state: {
    error: string;
    exit_code: number;
    pid: number;
    oom_killed: boolean;
    paused: boolean;
    restarting: boolean;
    dead: boolean;
    running: boolean;
  };
  deploy_rev: string | null;
  service_rev: string | null;
  instance_number: number | null;
  image: string;
  cmd: string[] | null;
  env: string[];
  volumes: unknown[];
  ip_address: string | null;
  hostname: string | null;
  domainname: string | null;
  network_settings: Record<string, unknown>;
  health_status?: { status: 'healthy' | 'unhealthy'; updated_at: string };
}

/** deleted > paused > restarting > oom_killed > dead > running > stopped. */
function containerStatus(c: ContainerRecord): ContainerStatus {
  if (c.deletedAt !== null) return 'deleted';
  if (c.state.paused) return 'paused';
  if (c.state.restarting) return 'restarting';
  if (c.state.oomKilled) return 'oom_killed';
  if (c.state.dead) return 'dead';
  if (c.state.running) return 'running';
  return 'stopped';
}

function containerPath(c: ContainerRecord): string {
  return c.node ? `${c.grid.name}/${c.node.name}/${c.name}` : c.name;
}

/** What the agent sets on top of the service env (secret values are stripped from the API anyway). */
function containerEnv(c: ContainerRecord): string[] {
  const s = c.service;
  if (!s) return [...c.env];
  return [
    ...c.env,
    `KONTENA_SERVICE_ID=${s.id}`,
    `KONTENA_SERVICE_NAME=${s.name}`,
    `KONTENA_GRID_NAME=${c.grid.name}`,
    `KONTENA_STACK_NAME=${s.stack.name}`,
    `KONTENA_NODE_NAME=${c.node?.name ?? ''}`,
    `KONTENA_SERVICE_INSTANCE_NUMBER=${c.instanceNumber ?? ''}`,
  ];
}

function networkSettings(c: ContainerRecord): Record<string, unknown> {
  const host = c.bridgeHost;
  const ports = c.ports.length
    ? Object.fromEntries(c.ports.map((p) => [`${p.containerPort}/${p.protocol}`, [{ node_ip: p.ip, node_port: p.nodePort }]]))
    : null;
  return {
    bridge: '',
    gateway: '172.17.0.1',
    ip_address: `172.17.0.${host}`,
    ip_prefix_len: 16,
    mac_address: `02:42:ac:11:00:${host.toString(16).padStart(2, '0')}`,
    port_mapping: null,
    ports,
  };
}

export function containerJson(c: ContainerRecord): ContainerJson {
  const secretNames = new Set(c.service?.secrets.map((s) => s.name) ?? []);
  const n = c.node;
  const node: Pick<ContainerJson, 'node'> = n
    ? {
        node: {
          id: n.id,
          connected: n.connected,
          last_seen_at: isoOrNull(n.lastSeenAt),
          name: n.name,
          labels: [...n.labels],
          public_ip: n.publicIp,
          private_ip: n.privateIp,
          node_number: n.nodeNumber,
          grid: { id: c.grid.name, name: c.grid.name, initial_size: c.grid.initialSize },
        },
      }
    : {};
  const health: Pick<ContainerJson, 'health_status'> = c.healthStatus
    ? { health_status: { status: c.healthStatus.status, updated_at: isoZ(c.healthStatus.updatedAt) } }
    : {};
  return {
    id: containerPath(c),
    name: c.name,
    container_id: c.containerId,
    grid_id: c.grid.name,
    ...node,
    service_id: c.service ? servicePath(c.service) : null,
    created_at: isoZ(c.createdAt),
    updated_at: isoZ(c.updatedAt),
    started_at: isoOrNull(c.startedAt),
    finished_at: isoOrNull(c.finishedAt),
    deleted_at: isoOrNull(c.deletedAt),
    status: containerStatus(c),
    state: {
      error: c.state.error,
      exit_code: c.state.exitCode,
      pid: c.state.pid,
      oom_killed: c.state.oomKilled,
      paused: c.state.paused,
      restarting: c.state.restarting,
      dead: c.state.dead,
      running: c.state.running,
    },
    deploy_rev: c.deployRev,
    service_rev: c.serviceRev,
    instance_number: c.instanceNumber,
    image: c.image,
    cmd: c.cmd ? [...c.cmd] : null,
    env: containerEnv(c).filter((e) => !secretNames.has(e.split('=')[0] ?? '')),
    volumes: [],
    ip_address: c.ipAddress,
    hostname: c.hostname,
    domainname: c.domainname,
    network_settings: networkSettings(c),
    ...health,
  };
}

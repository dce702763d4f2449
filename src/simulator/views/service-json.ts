/** ServiceJson (docs/kontena-api.md §4.4): the exact key order and the 36-key set. */
import { serviceDns, servicePath } from '../model/store';
import type { ServiceRecord } from '../model/types';
import { isoZ } from '../model/time';

export interface ServiceJson {
  id: string;
  created_at: string;
  updated_at: string;
  image: string;
  affinity: string[];
  name: string;
  stateful: boolean;
  user: string | null;
  instances: number;
  cmd: string[] | null;
  entrypoint: string | null;
  net: string;
  dns: string;
  ports: { ip: string; protocol: string; node_port: number; container_port: number }[];
  env: string[];
  secrets: { name: string; secret: string; type: 'env' }[];
  memory: number | null;
  memory_swap: number | null;
  cpu_shares: number | null;
  volumes: string[];
  volumes_from: string[];
  cap_add: string[];
  cap_drop: string[];
  state: string;
  grid: { id: string };
  stack: { id: string; name: string };
  links: { id: string; alias: string; name: string }[];
  log_driver: string | null;
  log_opts: Record<string, string>;
  strategy: string;
  deploy_opts: { _id: { $oid: string }; interval: number | null; min_health: number; wait_for_port: number | null };
  pid: string | null;
  instance_counts: { total: number; running: number };
  hooks: { cmd: string; name: string; oneshot: boolean; type: 'post_start' }[];
  revision: number;
  stack_revision: number | null;
  health_check?: { protocol: 'http' | 'tcp'; uri: string; port: number | null; timeout: number; initial_delay: number; interval: number };
  health_status?: { healthy: number; total: number };
}

interface ServiceJsonOptions {
  /** The list's aggregation counts soft-deleted containers too (docs/kontena-api.md §4.3 quirk). */
  countDeleted?: boolean;
}

function instanceCounts(service: ServiceRecord, countDeleted: boolean): { total: number; running: number } {
  let total = 0;
  let running = 0;
  for (const c of service.containers) {
    if (c.containerType !== 'container') continue;
    if (c.deletedAt !== null && !countDeleted) continue;
    total += 1;
    if (c.state.running) running += 1;
  }
  return { total, running };
}

export function serviceJson(service: ServiceRecord, options: ServiceJsonOptions = {}): ServiceJson {
  const grid = service.grid;
  const json: ServiceJson = {
    id: servicePath(service),
    created_at: isoZ(service.createdAt),
    updated_at: isoZ(service.updatedAt),
    image: service.image,
    affinity: service.affinity.length > 0 ? [...service.affinity] : [...grid.defaultAffinity],
    name: service.name,
    stateful: service.stateful,
    user: service.user,
    instances: service.instances,
    cmd: service.cmd ? [...service.cmd] : null,
    entrypoint: service.entrypoint,
    net: service.net,
    dns: serviceDns(service),
    ports: service.ports.map((p) => ({ ip: p.ip, protocol: p.protocol, node_port: p.nodePort, container_port: p.containerPort })),
    env: [...service.env],
    secrets: service.secrets.map((s) => ({ name: s.name, secret: s.secret, type: s.type })),
    memory: service.memory,
    memory_swap: service.memorySwap,
    cpu_shares: service.cpuShares,
    volumes: [...service.volumes],
    volumes_from: [...service.volumesFrom],
    cap_add: [...service.capAdd],
    cap_drop: [...service.capDrop],
    state: service.state,
    grid: { id: grid.name },
    stack: { id: `${grid.name}/${service.stack.name}`, name: service.stack.name },
    links: service.links.map((l) => ({ id: servicePath(l.target), alias: l.alias, name: l.target.name })),
    log_driver: service.logDriver,
    log_opts: { ...service.logOpts },
    strategy: service.strategy,
    deploy_opts: {
      _id: { $oid: service.deployOpts.oid },
      interval: service.deployOpts.interval,
      min_health: service.deployOpts.minHealth,
      wait_for_port: service.deployOpts.waitForPort,
    },
    pid: service.pid,
    instance_counts: instanceCounts(service, options.countDeleted ?? false),
    hooks: service.hooks.map((h) => ({ cmd: h.cmd, name: h.name, oneshot: h.oneshot, type: h.type })),
    revision: service.revision,
    stack_revision: service.stackRevision,
  };
  const hc = service.healthCheck;
  if (hc && hc.protocol !== null) {
    json.health_check = {
      protocol: hc.protocol,
      uri: hc.uri,
      port: hc.port,
      timeout: hc.timeout,
      initial_delay: hc.initialDelay,
      interval: hc.interval,
    };
    let healthy = 0;
    let total = 0;
    for (const c of service.containers) {
      if (c.deletedAt !== null || c.containerType !== 'container') continue;
      total += 1;
      if (c.healthStatus?.status === 'healthy') healthy += 1;
    }
    json.health_status = { healthy, total };
  }
  return json;
}

/**
 * The `execute` half of GridServices::Create/Update: turning checked inputs into stored
 * configuration, with the update rules of docs/kontena-api.md §4.4 (env `K=` keeps the old
 * value, hooks/secrets merge, deploy_opts and health_check replaced whole, revision++
 * only on a real change).
 */
import { isStrategy, type ServiceInput } from '../validation/service-inputs';
import { defaultServiceConfig, serviceConfigOf, type Store } from './store';
import type { HealthCheckRecord, HookRecord, LinkRecord, ServiceConfig, ServiceRecord } from './types';

/** A plain error whose message becomes the master's 500 body. */
class InternalServerError extends Error {}

function healthCheckFrom(input: NonNullable<ServiceInput['health_check']>): HealthCheckRecord {
  return {
    protocol: input.protocol,
    uri: input.uri ?? '/',
    port: input.port,
    timeout: input.timeout ?? 10,
    initialDelay: input.initial_delay ?? 10,
    interval: input.interval ?? 60,
  };
}

function hooksFrom(store: Store, input: NonNullable<ServiceInput['hooks']>, existing: HookRecord[]): HookRecord[] {
  return (input.post_start ?? []).map((h) => {
    const kept = existing.find((e) => e.name === h.name && e.type === 'post_start');
    return {
      oid: kept?.oid ?? store.ids.objectId(),
      name: h.name,
      type: 'post_start',
      cmd: h.cmd,
      instances: h.instances,
      oneshot: h.oneshot,
    };
  });
}

/** Update env: the list replaces the old one, but `KEY=` keeps KEY's old value; an entry with no `=` crashes the handler. */
function mergeEnv(old: string[], next: string[]): string[] {
  return next.map((entry) => {
    const eq = entry.indexOf('=');
    if (eq < 0) throw new InternalServerError(`undefined method for env entry ${entry}`);
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (value !== '') return entry;
    const previous = old.find((e) => e.slice(0, e.indexOf('=')) === key && e.includes('='));
    return previous ?? entry;
  });
}

function applyCommon(
  store: Store,
  config: ServiceConfig,
  input: ServiceInput,
  links: LinkRecord[] | null,
  existing: ServiceRecord | null,
): void {
  if (input.image !== undefined) config.image = input.image;
  if (input.user !== undefined) config.user = input.user;
  const instances = input.instances ?? input.container_count;
  if (instances !== undefined) config.instances = instances;
  if (input.strategy !== undefined && isStrategy(input.strategy)) config.strategy = input.strategy;
  if (input.cmd !== undefined) config.cmd = input.cmd;
  if (input.env !== undefined) config.env = existing ? mergeEnv(existing.env, input.env) : input.env;
  if (input.secrets !== undefined) config.secrets = input.secrets.map((s) => ({ secret: s.secret, name: s.name, type: 'env' }));
  if (input.ports !== undefined) {
    config.ports = input.ports.map((p) => ({ ip: p.ip, protocol: p.protocol, nodePort: p.node_port, containerPort: p.container_port }));
  }
  if (links !== null) config.links = links;
  if (input.affinity !== undefined) config.affinity = input.affinity;
  if (input.deploy_opts !== undefined) {
    const d = input.deploy_opts;
    config.deployOpts = {
      oid: store.ids.objectId(),
      interval: d.interval ?? null,
      minHealth: d.min_health ?? 0.8,
      waitForPort: d.wait_for_port ?? null,
    };
  }
  if (input.volumes !== undefined) config.volumes = input.volumes;
  if (input.volumes_from !== undefined) config.volumesFrom = input.volumes_from;
  if (input.cpu_shares !== undefined) config.cpuShares = input.cpu_shares;
  if (input.memory !== undefined) config.memory = input.memory;
  if (input.memory_swap !== undefined) config.memorySwap = input.memory_swap;
  if (input.privileged !== undefined) config.privileged = input.privileged;
  if (input.cap_add !== undefined) config.capAdd = input.cap_add;
  if (input.cap_drop !== undefined) config.capDrop = input.cap_drop;
  if (input.net !== undefined) config.net = input.net;
  if (input.log_driver !== undefined) config.logDriver = input.log_driver;
  if (input.log_opts !== undefined) config.logOpts = input.log_opts;
  if (input.devices !== undefined) config.devices = input.devices;
  if (input.hooks !== undefined) config.hooks = hooksFrom(store, input.hooks, existing?.hooks ?? []);
  if (input.health_check !== undefined) config.healthCheck = healthCheckFrom(input.health_check);
}

export function buildCreateConfig(store: Store, input: ServiceInput, links: LinkRecord[] | null): ServiceConfig {
  const config = defaultServiceConfig(store, input.image ?? '');
  applyCommon(store, config, input, links, null);
  if (input.entrypoint !== undefined) config.entrypoint = input.entrypoint;
  if (input.pid !== undefined) config.pid = input.pid;
  return config;
}

/** What `revision` compares: the stored configuration without embedded-document ids. */
function fingerprint(c: ServiceConfig): string {
  return JSON.stringify([
    c.image,
    c.affinity,
    c.user,
    c.instances,
    c.cmd,
    c.entrypoint,
    c.net,
    c.ports,
    c.env,
    c.secrets,
    c.memory,
    c.memorySwap,
    c.cpuShares,
    c.volumes,
    c.volumesFrom,
    c.capAdd,
    c.capDrop,
    c.links.map((l) => [l.target.id, l.alias]),
    c.logDriver,
    c.logOpts,
    c.strategy,
    [c.deployOpts.interval, c.deployOpts.minHealth, c.deployOpts.waitForPort],
    c.pid,
    c.hooks.map((h) => [h.name, h.type, h.cmd, h.instances, h.oneshot]),
    c.healthCheck,
    c.privileged,
    c.devices,
  ]);
}

/** Applies an update in place; returns true (and bumps revision/updated_at) only when something changed. */
export function applyUpdate(store: Store, service: ServiceRecord, input: ServiceInput, links: LinkRecord[] | null): boolean {
  const before = fingerprint(service);
  const next = serviceConfigOf(service);
  applyCommon(store, next, input, links, service);
  if (fingerprint(next) === before) return false;
  Object.assign(service, next);
  markChanged(store, service);
  return true;
}

/** Replaces the env list (the envs routes), as a new revision. */
export function setEnv(store: Store, service: ServiceRecord, env: string[]): void {
  service.env = env;
  markChanged(store, service);
}

function markChanged(store: Store, service: ServiceRecord): void {
  service.revision += 1;
  service.updatedAt = store.now();
}

/**
 * Helpers that put services into the model as if they had been created and deployed
 * in the past: containers placed by the real placement rules, a finished deploy record
 * and the event history a deploy leaves.
 */
import type { EventOptions, SimContext } from '../context';
import { createServiceContainer, markContainerStopped } from '../engine/containers';
import {
  deployedMessage,
  deployErroredMessage,
  deployHaltedReason,
  deployStartedMessage,
  instanceFailedMessage,
  noSuchImageError,
} from '../engine/deploy-messages';
import { planDeploy } from '../engine/placement';
import type { Prng } from '../engine/prng';
import { addService, defaultServiceConfig, findService, newDeployRecord } from '../model/store';
import { rubyTimeString } from '../model/time';
import type { ContainerRecord, GridRecord, HealthCheckRecord, ServiceConfig, ServiceRecord, StackRecord } from '../model/types';

export interface SeedService {
  stack: StackRecord;
  name: string;
  image: string;
  state: 'running' | 'stopped' | 'initialized' | 'errored';
  stateful?: boolean;
  /** Service config fields other than image. */
  config?: Partial<Omit<ServiceConfig, 'image' | 'links' | 'healthCheck'>>;
  /** "N" (same stack) or "S/N", with an optional ":alias". */
  links?: string[];
  healthCheck?: Partial<HealthCheckRecord> & { protocol: 'http' | 'tcp'; port: number };
  createdAt: number;
  deployedAt?: number;
  revision?: number;
}

/**
 * History is written in time order at the end (event logs are ordered by insertion),
 * however the services were seeded.
 */
export class History {
  private entries: { at: number; seq: number; write: () => void }[] = [];

  add(at: number, write: () => void): void {
    this.entries.push({ at, seq: this.entries.length, write });
  }

  flush(): void {
    this.entries.sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const e of this.entries) e.write();
    this.entries = [];
  }
}

export function seedService(ctx: SimContext, grid: GridRecord, spec: SeedService, rng: Prng, history: History): ServiceRecord {
  const store = ctx.store;
  const config: ServiceConfig = { ...defaultServiceConfig(store, spec.image), ...spec.config };
  config.links = (spec.links ?? []).map((link) => {
    const [target = '', alias] = link.split(':');
    const [stackName, name] = target.includes('/') ? target.split('/') : [spec.stack.name, target];
    const service = findService(grid, stackName ?? '', name ?? '');
    if (!service) throw new Error(`seed link ${link} of ${spec.name} points nowhere`);
    return { target: service, alias: alias ?? name ?? target };
  });
  if (spec.healthCheck) {
    config.healthCheck = { uri: '/', timeout: 10, interval: 60, initialDelay: 10, ...spec.healthCheck };
  }
  const service = addService(store, {
    grid,
    stack: spec.stack,
    name: spec.name,
    stateful: spec.stateful ?? false,
    config,
    createdAt: spec.createdAt,
  });
  service.revision = spec.revision ?? 1;
  service.updatedAt = spec.createdAt;
  if (spec.state === 'initialized') return service;
  const at = spec.deployedAt ?? spec.createdAt + 60_000;
  deployInPast(ctx, service, at, spec.state === 'errored' ? 'error' : 'success', rng, history);
  service.state = 'running';
  if (spec.state === 'stopped') stopInPast(ctx, service, at + 3_600_000, history);
  return service;
}

function deployInPast(
  ctx: SimContext,
  service: ServiceRecord,
  at: number,
  outcome: 'success' | 'error',
  rng: Prng,
  history: History,
): void {
  const { store } = ctx;
  const sink = ctx.engine.events;
  const events = {
    master: (svc: ServiceRecord, message: string, options: EventOptions & { at: number }) =>
      history.add(options.at, () => sink.master(svc, message, options)),
    agent: (c: ContainerRecord, type: string, message: string, options: EventOptions & { at: number }) =>
      history.add(options.at, () => sink.agent(c, type, message, options)),
  };
  const started = at + 700;
  const record = newDeployRecord(store, service, at, false);
  record.startedAt = started;
  record.state = 'ongoing';
  service.deploys.push(record);
  service.deployRequestedAt = at;
  service.deployedAt = started;
  events.master(service, deployStartedMessage(service), { at: started });
  const plan = planDeploy(service, rng);
  let t = started + 200;
  if (!plan.ok) {
    record.state = 'error';
    record.reason = plan.reason;
    record.finishedAt = t;
    events.master(service, deployErroredMessage(service, plan.reason), { at: t, severity: 3 });
    return;
  }
  for (const slot of plan.slots) {
    t += 1200 + Math.floor(rng.next() * 800);
    if (outcome === 'error') {
      const error = noSuchImageError(service);
      record.instanceDeploys.push({ instanceNumber: slot.instanceNumber, node: slot.node.name, state: 'error', error });
      events.master(service, instanceFailedMessage(service, slot.instanceNumber, slot.node.name, error), { at: t, severity: 3 });
      break;
    }
    const c = createServiceContainer(store.ids, service, slot.node, slot.instanceNumber, {
      at: t,
      deployRev: rubyTimeString(started),
      running: true,
      healthy: true,
    });
    events.agent(c, 'service:create_instance', `service instance ${c.name} created`, { at: t });
    events.agent(c, 'service:start_instance', `service instance ${c.name} started`, { at: t + 300 });
    if (service.healthCheck?.protocol) {
      events.agent(c, 'service:health_check', `service instance ${c.name} is healthy`, { at: t + service.healthCheck.initialDelay * 1000 });
    }
    record.instanceDeploys.push({ instanceNumber: slot.instanceNumber, node: slot.node.name, state: 'success', error: null });
  }
  record.finishedAt = t + 500;
  if (outcome === 'error') {
    record.state = 'error';
    record.reason = deployHaltedReason(service);
    events.master(service, deployErroredMessage(service, record.reason), { at: t + 500, severity: 3 });
  } else {
    record.state = 'success';
    events.master(service, deployedMessage(service), { at: t + 500 });
  }
}

function stopInPast(ctx: SimContext, service: ServiceRecord, at: number, history: History): void {
  service.state = 'stopped';
  for (const c of service.containers) {
    markContainerStopped(c, at);
    history.add(at, () => ctx.engine.events.agent(c, 'service:stop_instance', `service instance ${c.name} stopped`, { at }));
  }
}

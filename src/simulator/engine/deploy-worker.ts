/**
 * The deploy worker (docs/kontena-api.md §4.5): records go created → ongoing (picked up
 * 0.5–1 s later) → one instance_deploy per instance (created → ongoing → success|error)
 * → success|error. min_health bounds how many instances are replaced at once; one deploy
 * per service at a time; a record found for a stopped service is deleted.
 */
import { DEPLOYS_KEPT_PER_SERVICE, liveContainers, newDeployRecord } from '../model/store';
import type { ContainerRecord, DeployRecord, InstanceDeployRecord, ServiceRecord } from '../model/types';
import { dependantServices } from '../model/service-dependencies';
import { rubyTimeString } from '../model/time';
import { createServiceContainer } from './containers';
import {
  deployedMessage,
  deployErroredMessage,
  deployHaltedReason,
  deployStartedMessage,
  instanceFailedMessage,
  noSuchImageError,
} from './deploy-messages';
import type { EngineKit } from './kit';
import { planDeploy, type Slot } from './placement';

/** An image tagged `fail` (e.g. myapp:fail) makes every instance fail, so the UI can show errors. */
function imageFails(image: string): boolean {
  const slash = image.lastIndexOf('/');
  const tail = image.slice(slash + 1);
  return /:fail$/.test(tail);
}

export interface DeployWorker {
  create(service: ServiceRecord, force: boolean): DeployRecord;
  /** True while the service has a deploy waiting or running (the scheduler skips it). */
  busy(service: ServiceRecord): boolean;
  /** The service was deleted: drop its running deploy. */
  forget(service: ServiceRecord): void;
  /** A deploy a restored world had under way: it runs again from the start, under the same id. */
  adopt(record: DeployRecord): void;
}

interface Run {
  record: DeployRecord;
  slots: Slot[];
  next: number;
  inFlight: number;
  failed: boolean;
  batch: number;
  kept: Set<ContainerRecord>;
}

const ACTIVE_WINDOW_MS = 30 * 60_000;

export function createDeployWorker(kit: EngineKit): DeployWorker {
  const { store, clock, events } = kit;
  const active = new Map<ServiceRecord, Run>();

  function remember(service: ServiceRecord, record: DeployRecord): void {
    service.deploys.push(record);
    while (service.deploys.length > DEPLOYS_KEPT_PER_SERVICE) {
      const oldest = service.deploys.findIndex((d) => d.finishedAt !== null);
      if (oldest < 0) break;
      service.deploys.splice(oldest, 1);
    }
  }

  function drop(record: DeployRecord): void {
    record.removed = true;
    const list = record.service.deploys;
    const i = list.indexOf(record);
    if (i >= 0) list.splice(i, 1);
  }

  function finish(run: Run, state: 'success' | 'error', reason: string | null): void {
    const { record } = run;
    const service = record.service;
    record.state = state;
    record.reason = reason;
    record.finishedAt = clock.now();
    active.delete(service);
    if (state === 'success') events.master(service, deployedMessage(service));
    else events.master(service, deployErroredMessage(service, reason ?? ''), { severity: 3 });
    // GridServiceDeployWorker#deploy_dependant_services: a deploy that went through brings along
    // the services whose instances lean on this one's (docs/kontena-api-grid.md G3.5).
    if (state === 'success') for (const dependant of dependantServices(service)) create(dependant, false);
  }

  function pickUp(record: DeployRecord): void {
    const service = record.service;
    if (record.removed || service.destroyed) return;
    if (service.state !== 'running' && service.state !== 'initialized') {
      drop(record);
      return;
    }
    if (active.has(service)) {
      kit.later(service, kit.jitter(1000, 2000), () => pickUp(record));
      return;
    }
    const now = clock.now();
    record.startedAt = now;
    record.state = 'ongoing';
    service.state = 'running';
    service.deployedAt = now;
    events.master(service, deployStartedMessage(service));
    const plan = planDeploy(service, kit.rng);
    const minHealth = Math.min(1, Math.max(0, service.deployOpts.minHealth));
    const run: Run = { record, slots: plan.ok ? plan.slots : [], next: 0, inFlight: 0, failed: false, batch: 1, kept: new Set() };
    active.set(service, run);
    if (!plan.ok) {
      kit.later(service, kit.jitter(200, 500), () => finish(run, 'error', plan.reason));
      return;
    }
    run.batch = Math.max(1, Math.ceil(run.slots.length * (1 - minHealth) - 1e-9));
    launch(run);
  }

  function launch(run: Run): void {
    const service = run.record.service;
    while (!run.failed && run.inFlight < run.batch && run.next < run.slots.length) {
      const slot = run.slots[run.next];
      run.next += 1;
      if (slot) startInstance(run, slot);
    }
    if (run.inFlight > 0) return;
    if (run.failed) {
      finish(run, 'error', deployHaltedReason(service));
      return;
    }
    if (run.next >= run.slots.length) {
      for (const c of liveContainers(service)) if (!run.kept.has(c)) kit.removeContainer(c);
      finish(run, 'success', null);
    }
  }

  function startInstance(run: Run, slot: Slot): void {
    const service = run.record.service;
    const entry: InstanceDeployRecord = { instanceNumber: slot.instanceNumber, node: slot.node.name, state: 'created', error: null };
    run.record.instanceDeploys.push(entry);
    run.inFlight += 1;
    const existing = liveContainers(service).find((c) => c.instanceNumber === slot.instanceNumber);
    const upToDate =
      !run.record.force &&
      existing !== undefined &&
      existing.node === slot.node &&
      existing.state.running &&
      existing.image === service.image &&
      existing.serviceRev === String(service.revision) &&
      // A later change (env, secret value, …) means the agent recreates the container.
      existing.createdAt >= service.updatedAt;
    kit.later(service, kit.jitter(150, 300), () => {
      entry.state = 'ongoing';
      const work = upToDate
        ? kit.jitter(300, 600)
        : kit.jitter(1000, 2000) + (service.deployOpts.waitForPort !== null ? kit.jitter(1000, 2000) : 0);
      kit.later(service, work, () => {
        run.inFlight -= 1;
        const error = imageFails(service.image)
          ? noSuchImageError(service)
          : slot.node.connected
            ? null
            : `Node ${slot.node.name} is not connected`;
        if (error !== null) {
          entry.state = 'error';
          entry.error = error;
          events.master(service, instanceFailedMessage(service, slot.instanceNumber, slot.node.name, error), { severity: 3 });
          run.failed = true;
        } else {
          run.kept.add(upToDate && existing ? existing : replace(run, slot, existing));
          entry.state = 'success';
        }
        launch(run);
      });
    });
  }

  function replace(run: Run, slot: Slot, existing: ContainerRecord | undefined): ContainerRecord {
    const service = run.record.service;
    if (existing) kit.removeContainer(existing);
    const now = clock.now();
    const running = service.state !== 'stopped';
    const container = createServiceContainer(store.ids, service, slot.node, slot.instanceNumber, {
      at: now,
      deployRev: rubyTimeString(run.record.startedAt ?? now),
      running,
    });
    events.agent(container, 'service:create_instance', `service instance ${container.name} created`);
    if (running) {
      events.agent(container, 'service:start_instance', `service instance ${container.name} started`);
      kit.containerStarted(container);
    }
    return container;
  }

  function create(service: ServiceRecord, force: boolean): DeployRecord {
    const record = newDeployRecord(store, service, clock.now(), force);
    remember(service, record);
    kit.later(service, kit.jitter(500, 1000), () => pickUp(record));
    return record;
  }

  return {
    create,
    forget(service) {
      active.delete(service);
    },
    adopt(record) {
      record.state = 'created';
      record.startedAt = null;
      record.instanceDeploys = [];
      kit.later(record.service, kit.jitter(500, 1000), () => pickUp(record));
    },
    busy(service) {
      const now = clock.now();
      return service.deploys.some(
        (d) => !d.removed && (d.startedAt === null || (d.finishedAt === null && now - d.startedAt < ACTIVE_WINDOW_MS)),
      );
    },
  };
}

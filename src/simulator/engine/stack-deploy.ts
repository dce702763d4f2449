/**
 * StackDeployWorker and StackRemoveWorker (docs/kontena-api-grid.md G3.5, G3.6): the
 * background half of a stack deploy (destroy dropped services, then deploy the others one
 * at a time through the service deploy worker, stopping at the first failure; a service
 * that depends on others' instances is skipped, its dependencies' deploys bring it along)
 * and of a stack removal. Both go on in a restored world. Time only through the context's
 * clock; with `live: false` nothing runs.
 */
import type { SimContext } from '../context';
import { destroyService } from '../model/store';
import { dependsOnOtherServices } from '../model/service-dependencies';
import type { DeployRecord, ServiceRecord, StackDeployRecord, StackRecord } from '../model/types';
import { sortByLinks } from '../model/stack-mutations';

const PICK_UP_MS = 500;
/** The worker polls each service deploy every second, up to 10 min (G3.5). */
const POLL_MS = 1000;
const WAIT_LIMIT_MS = 10 * 60_000;
const STOP_WAIT_MS = 1500;

function removeService(ctx: SimContext, service: ServiceRecord): void {
  if (service.destroyed) return;
  ctx.engine.serviceRemoved(service);
  destroyService(ctx.store, service);
}

/** Deploys `record.order` from `index` on, one service at a time. */
function deployFrom(ctx: SimContext, stack: StackRecord, record: StackDeployRecord, index: number): void {
  const { clock } = ctx;
  const name = record.order[index];
  if (name === undefined) {
    record.state = 'success';
    return;
  }
  const service = stack.services.get(name);
  if (!service || service.destroyed || dependsOnOtherServices(service)) {
    deployFrom(ctx, stack, record, index + 1);
    return;
  }
  // What GridServices::Deploy does before it queues the deploy (API §4.5).
  service.state = 'running';
  service.deployRequestedAt = clock.now();
  const deploy = ctx.engine.createDeploy(service, { force: false });
  record.serviceDeploys.push(deploy);
  waitFor(ctx, stack, record, deploy, index);
}

/** Polls the service deploy each second; the next service goes when it succeeds. */
function waitFor(ctx: SimContext, stack: StackRecord, record: StackDeployRecord, deploy: DeployRecord, index: number): void {
  const { clock } = ctx;
  const since = clock.now();
  const poll = (): void => {
    if (deploy.finishedAt !== null || deploy.removed) {
      if (deploy.state === 'success') deployFrom(ctx, stack, record, index + 1);
      else record.state = 'error';
      return;
    }
    if (clock.now() - since >= WAIT_LIMIT_MS) {
      record.state = 'error';
      return;
    }
    clock.setTimeout(poll, POLL_MS);
  };
  clock.setTimeout(poll, POLL_MS);
}

function startRun(ctx: SimContext, stack: StackRecord, record: StackDeployRecord): void {
  ctx.clock.setTimeout(() => {
    record.state = 'ongoing';
    // Destroyed outright: no stop, no link check (G3.5 step 2).
    for (const name of record.dropped) {
      const service = stack.services.get(name);
      if (service) removeService(ctx, service);
    }
    deployFrom(ctx, stack, record, 0);
  }, PICK_UP_MS);
}

export function runStackDeploy(ctx: SimContext, stack: StackRecord, record: StackDeployRecord): void {
  if (!ctx.engine.live) return;
  startRun(ctx, stack, record);
}

/** Stops every service, deletes them in reverse dependency order, then the stack itself. */
export function runStackRemove(ctx: SimContext, stack: StackRecord): void {
  if (!ctx.engine.live) return;
  const { clock } = ctx;
  clock.setTimeout(() => {
    const services = [...stack.services.values()];
    for (const service of services) ctx.engine.stopService(service);
    clock.setTimeout(() => {
      const sorted = sortByLinks(
        services,
        (s) => s.name,
        (s) => s.links.filter((l) => l.target.stack === stack).map((l) => l.target.name),
      );
      for (const service of sorted.reverse()) removeService(ctx, service);
      if (stack.services.size === 0 && stack.grid.stacks.get(stack.name) === stack) stack.grid.stacks.delete(stack.name);
    }, STOP_WAIT_MS);
  }, PICK_UP_MS);
}

/**
 * A restored world: stack deploys and removals that were under way go on. A deploy not yet
 * picked up starts again; an ongoing one waits for its service deploy in flight (the
 * deploy worker runs it again under the same id) and goes on with the next service.
 */
export function resumeStackWork(ctx: SimContext): void {
  if (!ctx.engine.live) return;
  for (const grid of ctx.store.grids.values()) {
    for (const stack of grid.stacks.values()) {
      if (stack.removing) {
        runStackRemove(ctx, stack);
        continue;
      }
      for (const record of stack.deploys) {
        if (record.state === 'created') startRun(ctx, stack, record);
        else if (record.state === 'ongoing') resumeOngoing(ctx, stack, record);
      }
    }
  }
}

function resumeOngoing(ctx: SimContext, stack: StackRecord, record: StackDeployRecord): void {
  const last = record.serviceDeploys.at(-1);
  if (last === undefined) {
    startRun(ctx, stack, record);
    return;
  }
  const index = record.order.indexOf(last.service.name);
  if (last.finishedAt === null && !last.removed) waitFor(ctx, stack, record, last, index);
  else if (last.state === 'success') deployFrom(ctx, stack, record, index + 1);
  else record.state = 'error';
}

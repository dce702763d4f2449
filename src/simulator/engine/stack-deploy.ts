/**
 * StackDeployWorker and StackRemoveWorker (docs/kontena-api-grid.md G3.5, G3.6): the
 * background half of a stack deploy (destroy dropped services, then deploy the others one
 * at a time through the service deploy worker, stopping at the first failure) and of a
 * stack removal. Time only through the context's clock; with `live: false` nothing runs.
 */
import type { SimContext } from '../context';
import { destroyService } from '../model/store';
import type { ServiceRecord, StackDeployRecord, StackRecord } from '../model/types';
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

export function runStackDeploy(ctx: SimContext, record: StackDeployRecord, order: ServiceRecord[], dropped: ServiceRecord[]): void {
  if (!ctx.engine.live) return;
  const { clock } = ctx;

  const deployNext = (index: number): void => {
    const service = order[index];
    if (!service) {
      record.state = 'success';
      return;
    }
    if (service.destroyed) {
      deployNext(index + 1);
      return;
    }
    // What GridServices::Deploy does before it queues the deploy (API §4.5).
    service.state = 'running';
    service.deployRequestedAt = clock.now();
    const deploy = ctx.engine.createDeploy(service, { force: false });
    record.serviceDeploys.push(deploy);
    const since = clock.now();
    const poll = (): void => {
      if (deploy.finishedAt !== null || deploy.removed) {
        if (deploy.state === 'success') deployNext(index + 1);
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
  };

  clock.setTimeout(() => {
    record.state = 'ongoing';
    // Destroyed outright: no stop, no link check (G3.5 step 2).
    for (const service of dropped) removeService(ctx, service);
    deployNext(0);
  }, PICK_UP_MS);
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

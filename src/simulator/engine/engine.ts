/** Puts the engine parts together behind the Engine interface the routes use. */
import type { Engine } from '../context';
import type { Faults } from '../contract';
import { destroyContainer, liveContainers, type Store } from '../model/store';
import type { ServiceRecord } from '../model/types';
import { createContainerLogs } from './container-logs';
import { createDeployWorker } from './deploy-worker';
import { createEventSink } from './events';
import { createStreamRegistry, type StreamRegistry } from './json-stream';
import { createKit } from './kit';
import { createLifecycle } from './lifecycle';
import { createNodeAgents } from './nodes';
import type { Prng } from './prng';
import { runSchedulerPass, SCHEDULER_INTERVAL_MS } from './scheduler';
import type { TrackedClock } from './tracked-clock';

interface EngineParts {
  store: Store;
  clock: TrackedClock;
  rng: Prng;
  live: boolean;
  streamMaxLifeMs: number | null;
  faults: () => Faults;
}

interface EngineHandle extends Engine {
  /** Starts the background work (scheduler, and node churn when asked). */
  start(options: { churn: boolean }): void;
  /** Runs one scheduler pass now (tests, scenario settling). */
  schedulerPass(): void;
  /**
   * A restored world: what was under way when it was saved (deploys, starts and stops,
   * restarts, health reports, removals, nodes coming back) goes on. Call after start().
   */
  resume(): void;
  streamCount(): number;
  closeStreams(): void;
}

export function createEngine(parts: EngineParts): EngineHandle {
  const { store, clock, rng, live } = parts;
  const events = createEventSink(store.ids, () => clock.now());
  const kit = createKit(store, clock, rng.fork('engine'), events, live);
  const worker = createDeployWorker(kit);
  const lifecycle = createLifecycle(kit);
  const logs = createContainerLogs(kit, rng.fork('logs'));
  const agents = createNodeAgents(kit);
  let registry: StreamRegistry | null = null;

  return {
    live,
    events,
    // Made on first use, so a master can be built even before any stream exists.
    get streams(): StreamRegistry {
      registry ??= createStreamRegistry();
      return registry;
    },
    streamMaxLifeMs() {
      const drop = parts.faults().dropStreamsAfterMs;
      const bound = parts.streamMaxLifeMs;
      if (drop === null) return bound;
      return bound === null ? drop : Math.min(bound, drop);
    },
    createDeploy: (service, { force }) => worker.create(service, force),
    startService: (service) => lifecycle.start(service),
    stopService: (service) => lifecycle.stop(service),
    restartService: (service) => lifecycle.restart(service),
    gridCreated: (grid) => agents.gridCreated(grid),
    watchLogs: (service) => logs.watch(service),
    serviceRemoved(service: ServiceRecord) {
      kit.cancelService(service);
      worker.forget(service);
      logs.forget(service);
    },
    start({ churn }) {
      if (!live) return;
      clock.setInterval(() => runSchedulerPass(kit, worker), SCHEDULER_INTERVAL_MS);
      if (churn) agents.startChurn();
    },
    schedulerPass: () => runSchedulerPass(kit, worker),
    resume() {
      if (!live) return;
      agents.resume();
      for (const grid of store.grids.values()) {
        for (const container of [...grid.containers.values()]) if (container.deletedAt !== null) destroyContainer(container);
        for (const service of grid.services.values()) {
          for (const deploy of service.deploys) if (!deploy.removed && deploy.finishedAt === null) worker.adopt(deploy);
          const containers = liveContainers(service);
          if (service.state === 'restarting') lifecycle.restart(service);
          else if (service.state === 'stopped' && containers.some((c) => c.state.running)) lifecycle.stop(service);
          // A running service's stopped instances are the scheduler's to mend, as on a real master.
          for (const c of containers) if (c.state.running && c.healthStatus === null) kit.containerStarted(c);
        }
      }
    },
    streamCount: () => registry?.count() ?? 0,
    closeStreams: () => registry?.closeAll(),
  };
}

/**
 * Shared plumbing of the engine parts: per-service timers (cancelled when the service
 * is deleted), container removal the way agents do it, and health reports.
 */
import type { EventSink } from '../context';
import { destroyContainer, softDeleteContainer, type Store } from '../model/store';
import type { ContainerRecord, ServiceRecord } from '../model/types';
import type { TimerId } from './clock';
import type { Prng } from './prng';
import type { TrackedClock } from './tracked-clock';

/** How long a removed container stays soft-deleted (and counted by the list quirk) before the record goes. */
const DESTROY_AFTER_MS = 3000;

/**
 * An image tagged `unhealthy` (e.g. myapp:unhealthy) runs but fails its health check, so
 * the UI can show a reported-unhealthy instance (as `:fail` makes a deploy fail).
 */
function imageFailsHealthCheck(image: string): boolean {
  return /:unhealthy$/.test(image.slice(image.lastIndexOf('/') + 1));
}

export interface EngineKit {
  store: Store;
  clock: TrackedClock;
  rng: Prng;
  events: EventSink;
  live: boolean;
  /** Runs `fn` after `ms` of clock time unless the service is deleted first. With live=false, never. */
  later(service: ServiceRecord, ms: number, fn: () => void): void;
  /** A random delay in [min, max] ms. */
  jitter(min: number, max: number): number;
  removeContainer(container: ContainerRecord): void;
  /** A container (re)started: its health check reports after initial_delay. */
  containerStarted(container: ContainerRecord): void;
  cancelService(service: ServiceRecord): void;
}

export function createKit(store: Store, clock: TrackedClock, rng: Prng, events: EventSink, live: boolean): EngineKit {
  const timers = new Map<ServiceRecord, Set<TimerId>>();
  const kit: EngineKit = {
    store,
    clock,
    rng,
    events,
    live,
    later(service, ms, fn) {
      if (!live) return;
      let set = timers.get(service);
      if (!set) {
        set = new Set();
        timers.set(service, set);
      }
      const own = set;
      const id: TimerId = clock.setTimeout(() => {
        own.delete(id);
        if (own.size === 0) timers.delete(service);
        if (!service.destroyed) fn();
      }, ms);
      own.add(id);
    },
    jitter: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    removeContainer(container) {
      if (container.deletedAt !== null) return;
      const service = container.service;
      if (container.state.running) events.agent(container, 'service:stop_instance', `service instance ${container.name} stopped`);
      softDeleteContainer(container, clock.now());
      events.agent(container, 'service:remove_instance', `service instance ${container.name} removed`);
      if (!live || !service) {
        destroyContainer(container);
        return;
      }
      kit.later(service, DESTROY_AFTER_MS, () => destroyContainer(container));
    },
    containerStarted(container) {
      const service = container.service;
      const hc = service?.healthCheck;
      if (!service || !hc || hc.protocol === null) return;
      container.healthStatus = null;
      kit.later(service, Math.max(1, hc.initialDelay) * 1000, () => {
        if (container.deletedAt !== null || !container.state.running) return;
        const status = imageFailsHealthCheck(container.image) ? 'unhealthy' : 'healthy';
        container.healthStatus = { status, updatedAt: clock.now() };
        container.updatedAt = clock.now();
        events.agent(
          container,
          'service:health_check',
          `service instance ${container.name} is ${status}`,
          status === 'unhealthy' ? { severity: 2 } : {},
        );
      });
    },
    cancelService(service) {
      const set = timers.get(service);
      if (!set) return;
      for (const id of set) clock.clearTimeout(id);
      timers.delete(service);
    },
  };
  return kit;
}

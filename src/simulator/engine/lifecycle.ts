/**
 * start / stop / restart (docs/kontena-api.md §4.5): the service state changes at once, the
 * containers follow shortly after, as the agents report back. No deploy record.
 */
import { liveContainers } from '../model/store';
import type { ServiceRecord } from '../model/types';
import { markContainerRunning, markContainerStopped } from './containers';
import type { EngineKit } from './kit';

interface Lifecycle {
  start(service: ServiceRecord): void;
  stop(service: ServiceRecord): void;
  restart(service: ServiceRecord): void;
}

export function createLifecycle(kit: EngineKit): Lifecycle {
  const { clock, events } = kit;
  const newPid = (): number => 1000 + kit.rng.int(0, 60000);

  const startContainers = (service: ServiceRecord): void => {
    for (const c of liveContainers(service)) {
      if (c.state.running) continue;
      markContainerRunning(c, clock.now(), newPid());
      events.agent(c, 'service:start_instance', `service instance ${c.name} started`);
      kit.containerStarted(c);
    }
  };

  return {
    start(service) {
      service.state = 'running';
      kit.later(service, kit.jitter(300, 800), () => {
        if (service.state === 'running') startContainers(service);
      });
    },
    stop(service) {
      service.state = 'stopped';
      kit.later(service, kit.jitter(300, 800), () => {
        if (service.state !== 'stopped') return;
        for (const c of liveContainers(service)) {
          if (!c.state.running) continue;
          markContainerStopped(c, clock.now());
          events.agent(c, 'service:stop_instance', `service instance ${c.name} stopped`);
        }
      });
    },
    restart(service) {
      service.state = 'restarting';
      kit.later(service, kit.jitter(100, 300), () => {
        const containers = liveContainers(service);
        for (const c of containers) {
          c.state.restarting = true;
          c.updatedAt = clock.now();
        }
        kit.later(service, kit.jitter(1000, 2000), () => {
          for (const c of containers) {
            if (c.deletedAt !== null) continue;
            c.state.restarting = false;
            markContainerRunning(c, clock.now(), newPid());
            events.agent(c, 'service:restart_instance', `service instance ${c.name} restarted`);
            kit.containerStarted(c);
          }
          if (service.state === 'restarting') service.state = 'running';
        });
      });
    },
  };
}

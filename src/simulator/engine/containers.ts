/** Service containers as an agent would report them after creating one. */
import type { IdFactory } from '../model/ids';
import { addContainer, nextContainerIp, NULL_STACK, serviceNameWithStack } from '../model/store';
import type { ContainerRecord, NodeRecord, ServiceRecord } from '../model/types';

interface NewContainerOptions {
  at: number;
  /** The deploy's start as Ruby Time#to_s (rubyTimeString), shared by its containers. */
  deployRev: string;
  running: boolean;
  /** Health already reported (scenario seeding); live containers report after initial_delay. */
  healthy?: boolean;
}

/** A plausible docker pid, derived from the container id so it needs no randomness of its own. */
function pidFor(containerId: string): number {
  return 1000 + (Number.parseInt(containerId.slice(0, 4), 16) % 60_000);
}

function containerName(service: ServiceRecord, instance: number): string {
  return `${serviceNameWithStack(service)}-${instance}`;
}

export function createServiceContainer(
  ids: IdFactory,
  service: ServiceRecord,
  node: NodeRecord,
  instance: number,
  options: NewContainerOptions,
): ContainerRecord {
  const grid = service.grid;
  const containerId = ids.hex(64);
  const container: ContainerRecord = {
    id: ids.objectId(options.at),
    name: containerName(service, instance),
    containerId,
    grid,
    node,
    service,
    createdAt: options.at,
    updatedAt: options.at,
    startedAt: options.running ? options.at : null,
    finishedAt: null,
    deletedAt: null,
    state: {
      error: '',
      exitCode: 0,
      pid: options.running ? pidFor(containerId) : 0,
      oomKilled: false,
      paused: false,
      restarting: false,
      dead: false,
      running: options.running,
    },
    deployRev: options.deployRev,
    serviceRev: String(service.revision),
    instanceNumber: instance,
    image: service.image,
    cmd: service.cmd ? [...service.cmd] : null,
    env: service.env,
    ipAddress: service.net === 'bridge' ? nextContainerIp(grid) : null,
    hostname: `${service.name}-${instance}`,
    domainname: service.stack.name === NULL_STACK ? `${grid.name}.kontena.local` : `${service.stack.name}.${grid.name}.kontena.local`,
    bridgeHost: 2 + (node.containers.size % 250),
    ports: service.ports,
    healthStatus: options.healthy && service.healthCheck?.protocol ? { status: 'healthy', updatedAt: options.at } : null,
    containerType: 'container',
  };
  addContainer(container);
  return container;
}

/** The agent reports a container (re)started, with its new pid. */
export function markContainerRunning(c: ContainerRecord, at: number, pid: number): void {
  c.state.running = true;
  c.state.exitCode = 0;
  c.state.pid = pid;
  c.startedAt = at;
  c.updatedAt = at;
}

/** The agent reports a container stopped cleanly: no pid, and no health until it runs again. */
export function markContainerStopped(c: ContainerRecord, at: number): void {
  c.state.running = false;
  c.state.exitCode = 0;
  c.state.pid = 0;
  c.finishedAt = at;
  c.updatedAt = at;
  c.healthStatus = null;
}

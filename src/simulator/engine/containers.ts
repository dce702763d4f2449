/** Service containers as an agent would report them after creating one. */
import type { IdFactory } from '../model/ids';
import { addContainer, nextContainerIp, serviceNameWithStack } from '../model/store';
import type { ContainerRecord, NodeRecord, ServiceRecord } from '../model/types';

export interface NewContainerOptions {
  at: number;
  /** The deploy's start as Ruby Time#to_s (rubyTimeString), shared by its containers. */
  deployRev: string;
  running: boolean;
  /** Health already reported (scenario seeding); live containers report after initial_delay. */
  healthy?: boolean;
}

/** A plausible docker pid, derived from the container id so it needs no randomness of its own. */
export function pidFor(containerId: string): number {
  return 1000 + (Number.parseInt(containerId.slice(0, 4), 16) % 60_000);
}

export function containerName(service: ServiceRecord, instance: number): string {
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
    domainname: service.stack.name === 'null' ? `${grid.name}.kontena.local` : `${service.stack.name}.${grid.name}.kontena.local`,
    bridgeHost: 2 + (node.containers.size % 250),
    ports: service.ports,
    healthStatus: options.healthy && service.healthCheck?.protocol ? { status: 'healthy', updatedAt: options.at } : null,
    containerType: 'container',
  };
  addContainer(container);
  return container;
}

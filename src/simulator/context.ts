/**
 * What route handlers and engine parts share: the store, the (tracked) clock, the PRNG
 * and the engine's entry points.
 */
import type { Clock } from './engine/clock';
import type { StreamRegistry } from './engine/json-stream';
import type { Prng } from './engine/prng';
import type { Store } from './model/store';
import type { ContainerRecord, DeployRecord, GridRecord, ServiceRecord } from './model/types';

export interface EventOptions {
  type?: string;
  severity?: 0 | 1 | 2 | 3;
  /** Event time; default now (scenarios write history in the past). */
  at?: number;
}

export interface EventSink {
  /** A master event (deploy, scheduler): grid + service relationships, no stack, meta null. */
  master(service: ServiceRecord, message: string, options?: EventOptions): void;
  /** An agent event about one container: grid, stack, service, node, meta.instance_number. */
  agent(container: ContainerRecord, type: string, message: string, options?: Omit<EventOptions, 'type'>): void;
}

export interface Engine {
  /** False when the master was created with `live: false`: nothing happens in the background. */
  readonly live: boolean;
  readonly events: EventSink;
  readonly streams: StreamRegistry;
  /** Longest life of a log/event stream now (browser bound and the dropped-streams fault). */
  streamMaxLifeMs(): number | null;
  /** Queues a deploy record for the worker (deploy, scale, scheduler). */
  createDeploy(service: ServiceRecord, options: { force: boolean }): DeployRecord;
  startService(service: ServiceRecord): void;
  stopService(service: ServiceRecord): void;
  restartService(service: ServiceRecord): void;
  /** Agents of a new grid's initial nodes connect. */
  gridCreated(grid: GridRecord): void;
  /** Someone reads this service's logs: make sure they exist and keep generating for a while. */
  watchLogs(service: ServiceRecord): void;
  /** The service is gone: forget its timers. */
  serviceRemoved(service: ServiceRecord): void;
}

export interface SimContext {
  store: Store;
  clock: Clock;
  rng: Prng;
  seed: number;
  engine: Engine;
}

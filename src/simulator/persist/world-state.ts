/**
 * The simulated master's world as one value that the structured clone algorithm copies
 * whole (IndexedDB keeps it between page loads, postMessage could carry it): the store's
 * records with their Maps, Sets, shared and circular references as they are, and the id
 * counters, so a restored world goes on making ids that sort after the old ones. The
 * store's functions (ids, now) are not part of it; rings lose their class in the clone
 * and get it back here.
 */
import type { ScenarioName } from '../contract';
import type { IdFactory, IdState } from '../model/ids';
import { RingBuffer } from '../../lib/ring-buffer';
import type { Store } from '../model/store';
import type { AuditRecord, GridRecord, TokenRecord, UserRecord } from '../model/types';

/**
 * Bump when a record keeps its fields but changes what they mean: an older world is then
 * started afresh. Added or removed fields are caught without it (RecordShapes).
 */
export const WORLD_VERSION = 2;

/** Per kind of record, the sorted field names of one record of that kind. */
export type RecordShapes = Partial<Record<RecordKind, string>>;

type RecordKind = 'user' | 'token' | 'grid' | 'node' | 'stack' | 'service' | 'container' | 'deploy' | 'event' | 'log' | 'secret';

export interface WorldState {
  version: number;
  scenario: ScenarioName;
  seed: number;
  /** The master's clock when the world was captured. */
  savedAt: number;
  ids: IdState;
  admin: UserRecord;
  users: Map<string, UserRecord>;
  tokens: Map<string, TokenRecord>;
  grids: Map<string, GridRecord>;
  auditLogs: AuditRecord[];
  shapes: RecordShapes;
}

function keysOf(record: object): string {
  return Object.keys(record).sort().join(',');
}

function first<T>(values: Iterable<T>): T | undefined {
  for (const v of values) return v;
  return undefined;
}

/** The field names of one record of each kind the world holds. */
export function shapesOf(world: Pick<WorldState, 'users' | 'tokens' | 'grids'>): RecordShapes {
  const shapes: RecordShapes = {};
  const note = (kind: RecordKind, record: object | undefined | null): void => {
    if (record && shapes[kind] === undefined) shapes[kind] = keysOf(record);
  };
  note('user', first(world.users.values()));
  note('token', first(world.tokens.values()));
  for (const grid of world.grids.values()) {
    note('grid', grid);
    note('node', first(grid.nodes.values()));
    note('stack', first(grid.stacks.values()));
    note('container', first(grid.containers.values()));
    note('secret', first(grid.secrets.values()));
    note('event', grid.events.at(0));
    for (const service of grid.services.values()) {
      note('service', service);
      note('deploy', service.deploys[0]);
      note('log', service.logs?.at(0));
    }
  }
  return shapes;
}

/** Kinds whose fields differ between a saved world and what this code makes. */
export function shapeMismatches(saved: RecordShapes, current: RecordShapes): string[] {
  const kinds = Object.keys(current) as RecordKind[];
  return kinds.filter((kind) => saved[kind] !== undefined && saved[kind] !== current[kind]);
}

/**
 * The world of `store`, by reference: whoever stores it clones it at once (IndexedDB's
 * put, structuredClone), so later changes to the store do not reach the saved copy.
 */
export function captureWorld(store: Store, meta: { scenario: ScenarioName; seed: number }): WorldState {
  const world = { users: store.users, tokens: store.tokens, grids: store.grids };
  return {
    version: WORLD_VERSION,
    scenario: meta.scenario,
    seed: meta.seed,
    savedAt: store.now(),
    ids: store.ids.state(),
    admin: store.admin,
    ...world,
    auditLogs: store.auditLogs,
    shapes: shapesOf(world),
  };
}

function reviveRing<T>(value: unknown, where: string): RingBuffer<T> {
  const ring = RingBuffer.revive<T>(value);
  if (!ring) throw new Error(`saved world: ${where} is not a ring`);
  return ring;
}

/**
 * A store over a cloned world. The clone is taken over, not copied. Codes that expired
 * are dropped (every page load mints one to sign itself in). Throws when the clone is
 * not a world this code can read.
 */
export function restoreStore(world: WorldState, ids: IdFactory, now: () => number): Store {
  const at = now();
  const store: Store = {
    ids,
    now,
    admin: world.admin,
    users: world.users,
    tokens: new Map(),
    byAccessToken: new Map(),
    byRefreshToken: new Map(),
    byCode: new Map(),
    grids: world.grids,
    auditLogs: world.auditLogs,
  };
  for (const token of world.tokens.values()) {
    if (token.code !== null && token.expiresAt !== null && token.expiresAt < at) continue;
    store.tokens.set(token.id, token);
    if (token.accessToken !== null) store.byAccessToken.set(token.accessToken, token);
    if (token.refreshToken !== null) store.byRefreshToken.set(token.refreshToken, token);
    if (token.code !== null) store.byCode.set(token.code, token);
  }
  for (const grid of world.grids.values()) {
    grid.events = reviveRing(grid.events, `grid ${grid.name} events`);
    for (const service of grid.services.values()) {
      service.events = reviveRing(service.events, `service ${service.name} events`);
      if (service.logs !== null) service.logs = reviveRing(service.logs, `service ${service.name} logs`);
    }
  }
  return store;
}

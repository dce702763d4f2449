/**
 * The simulated master's database: users, tokens, grids and everything inside them,
 * with the few indexes the routes need. Pure data operations; the engine decides when.
 */
import type { IdFactory } from './ids';
import { RingBuffer } from '../../lib/ring-buffer';
import type {
  AuditRecord,
  ContainerRecord,
  DeployOptsRecord,
  DeployRecord,
  GridRecord,
  NodeRecord,
  RoleRecord,
  ServiceConfig,
  ServiceRecord,
  StackRecord,
  TokenRecord,
  UserRecord,
} from './types';

export const NULL_STACK = 'null';
const SERVICE_EVENTS_LIMIT = 1000;
const GRID_EVENTS_LIMIT = 3000;
export const DEPLOYS_KEPT_PER_SERVICE = 50;

export interface Store {
  ids: IdFactory;
  now: () => number;
  admin: UserRecord;
  users: Map<string, UserRecord>;
  tokens: Map<string, TokenRecord>;
  byAccessToken: Map<string, TokenRecord>;
  byRefreshToken: Map<string, TokenRecord>;
  byCode: Map<string, TokenRecord>;
  grids: Map<string, GridRecord>;
  /** AuditLog records of every grid, oldest first (docs/kontena-api-grid.md G5); bounded by model/audit.ts. */
  auditLogs: AuditRecord[];
}

export function createStore(ids: IdFactory, now: () => number): Store {
  const createdAt = now();
  const admin: UserRecord = {
    id: ids.objectId(createdAt),
    email: 'admin',
    name: 'admin',
    roles: [{ name: 'master_admin', description: 'Master admin' }],
    createdAt,
  };
  return {
    ids,
    now,
    admin,
    users: new Map([[admin.id, admin]]),
    tokens: new Map(),
    byAccessToken: new Map(),
    byRefreshToken: new Map(),
    byCode: new Map(),
    grids: new Map(),
    auditLogs: [],
  };
}

/** The roles a Kontena 1.2 master has (its CreateInitialRoles migration). */
export const ROLES: readonly RoleRecord[] = [
  { name: 'master_admin', description: 'Master admin' },
  { name: 'grid_admin', description: 'Grid admin' },
];

/** A new user with no roles and no grids (an invitation, docs/kontena-api-grid.md G6.2). */
export function addUser(store: Store, fields: { email: string; name: string | null }): UserRecord {
  const createdAt = store.now();
  const user: UserRecord = { id: store.ids.objectId(createdAt), email: fields.email, name: fields.name, roles: [], createdAt };
  store.users.set(user.id, user);
  return user;
}

/** The user goes with its tokens and grid memberships (User#destroy). */
export function removeUser(store: Store, user: UserRecord): void {
  for (const token of [...store.tokens.values()]) if (token.user === user) deleteToken(store, token);
  for (const grid of store.grids.values()) grid.memberIds.delete(user.id);
  store.users.delete(user.id);
}

export function isMasterAdmin(user: UserRecord): boolean {
  return user.email === 'admin' || user.roles.some((r) => r.name === 'master_admin');
}

// --- tokens ---------------------------------------------------------------------------

interface TokenSpec {
  user: UserRecord;
  scopes: string[];
  expiresAt: number | null;
  /** Make an authorization code instead of an access token. */
  code?: boolean;
  /** Give the access token a refresh token (only tokens that expire have one). */
  refreshable?: boolean;
  code_value?: string;
}

export function addToken(store: Store, spec: TokenSpec): TokenRecord {
  const at = store.now();
  const record: TokenRecord = {
    id: store.ids.objectId(at),
    user: spec.user,
    accessToken: spec.code ? null : store.ids.hex(64),
    refreshToken: !spec.code && spec.refreshable ? store.ids.hex(128) : null,
    code: spec.code ? (spec.code_value ?? store.ids.hex(12)) : null,
    expiresAt: spec.expiresAt,
    scopes: spec.scopes,
    createdAt: at,
    updatedAt: at,
  };
  store.tokens.set(record.id, record);
  if (record.accessToken !== null) store.byAccessToken.set(record.accessToken, record);
  if (record.refreshToken !== null) store.byRefreshToken.set(record.refreshToken, record);
  if (record.code !== null) store.byCode.set(record.code, record);
  return record;
}

export function deleteToken(store: Store, record: TokenRecord): void {
  store.tokens.delete(record.id);
  if (record.accessToken !== null) store.byAccessToken.delete(record.accessToken);
  if (record.refreshToken !== null) store.byRefreshToken.delete(record.refreshToken);
  if (record.code !== null) store.byCode.delete(record.code);
}

// --- grids, nodes, stacks -------------------------------------------------------------

interface GridSpec {
  name: string;
  initialSize: number;
  createdAt?: number;
  defaultAffinity?: string[];
  subnet?: string;
  supernet?: string;
}

export function addGrid(store: Store, spec: GridSpec): GridRecord {
  const at = spec.createdAt ?? store.now();
  const grid: GridRecord = {
    id: store.ids.objectId(at),
    name: spec.name,
    token: gridToken(store.ids),
    initialSize: spec.initialSize,
    createdAt: at,
    updatedAt: at,
    defaultAffinity: spec.defaultAffinity ?? [],
    trustedSubnets: [],
    subnet: spec.subnet ?? '10.81.0.0/16',
    supernet: spec.supernet ?? '10.80.0.0/12',
    statsd: null,
    logs: null,
    memberIds: new Set([store.admin.id]),
    nodes: new Map(),
    stacks: new Map(),
    services: new Map(),
    containers: new Map(),
    secrets: new Map(),
    volumes: new Map(),
    networks: ['kontena'],
    nextNodeNumber: 1,
    nextOverlayHost: 256,
    events: new RingBuffer(GRID_EVENTS_LIMIT),
  };
  store.grids.set(grid.name, grid);
  addStack(store, grid, { name: NULL_STACK, createdAt: at });
  return grid;
}

/** A grid join token looks like base64 of 64 random bytes. */
function gridToken(ids: IdFactory): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const drawn = ids.hex(128);
  // 128 hex digits give 84 characters; reuse the head for the last two (86 + "==" = 88, G1.1)
  // rather than draw more, which would shift every later seeded id.
  const hex = drawn + drawn.slice(0, 4);
  let out = '';
  for (let i = 0; i + 3 <= hex.length; i += 3) {
    const n = parseInt(hex.slice(i, i + 3), 16);
    out += (alphabet[n >> 6] ?? 'A') + (alphabet[n & 63] ?? 'A');
  }
  return `${out.slice(0, 86)}==`;
}

interface StackSpec {
  name: string;
  createdAt?: number;
  registryName?: string | null;
  registry?: string | null;
  version?: string | null;
  revision?: number | null;
  expose?: string | null;
  source?: string | null;
  variables?: Record<string, unknown> | null;
}

export function addStack(store: Store, grid: GridRecord, spec: StackSpec): StackRecord {
  const at = spec.createdAt ?? store.now();
  const isNull = spec.name === NULL_STACK;
  const stack: StackRecord = {
    id: store.ids.objectId(at),
    name: spec.name,
    grid,
    createdAt: at,
    updatedAt: isNull ? null : at,
    registryName: spec.registryName ?? null,
    registry: spec.registry ?? null,
    version: spec.version ?? null,
    revision: spec.revision ?? null,
    expose: spec.expose ?? null,
    source: spec.source ?? null,
    variables: spec.variables ?? null,
    services: new Map(),
    revisions: [],
    deploys: [],
    removing: false,
  };
  grid.stacks.set(stack.name, stack);
  return stack;
}

interface NodeSpec {
  name: string;
  labels: string[];
  connected: boolean;
  createdAt?: number;
  publicIp?: string;
  privateIp?: string;
  cpus?: number;
  memTotal?: number;
  initialMember?: boolean;
}

export function addNode(store: Store, grid: GridRecord, spec: NodeSpec): NodeRecord {
  const at = spec.createdAt ?? store.now();
  const nodeNumber = grid.nextNodeNumber++;
  const engineId = Array.from({ length: 12 }, () => store.ids.hex(4).toUpperCase()).join(':');
  const memTotal = spec.memTotal ?? 8 * 1024 ** 3;
  const node: NodeRecord = {
    id: engineId,
    recordId: store.ids.objectId(at),
    grid,
    name: spec.name,
    connected: spec.connected,
    createdAt: at,
    updatedAt: at,
    lastSeenAt: spec.connected ? at : null,
    os: 'Ubuntu 16.04.2 LTS',
    engineRootDir: '/var/lib/docker',
    driver: 'overlay',
    kernelVersion: '4.4.0-72-generic',
    labels: spec.labels,
    engineLabels: [...spec.labels],
    memTotal,
    memLimit: memTotal,
    cpus: spec.cpus ?? 2,
    publicIp: spec.publicIp ?? `198.51.100.${((nodeNumber * 7 + grid.name.length) % 250) + 2}`,
    privateIp: spec.privateIp ?? `172.31.${nodeNumber % 250}.${((nodeNumber * 13) % 250) + 2}`,
    agentVersion: '1.2.0',
    dockerVersion: '1.12.6',
    nodeNumber,
    initialMember: spec.initialMember ?? nodeNumber <= grid.initialSize,
    reconnectAt: null,
    containers: new Set(),
  };
  grid.nodes.set(node.name, node);
  return node;
}

/** A segment with a `:` is a docker engine id, anything else a node name (docs/kontena-api-grid.md G2.1). */
export function findNode(grid: GridRecord, nameOrId: string): NodeRecord | undefined {
  if (!nameOrId.includes(':')) return grid.nodes.get(nameOrId);
  for (const node of grid.nodes.values()) if (node.id === nameOrId) return node;
  return undefined;
}

/** "10.81.0.5" for node 5 of a 10.81.0.0/16 grid: `IPAddr.new(subnet) | node_number`. */
export function overlayIp(grid: GridRecord, host: number): string {
  const base = (grid.subnet.split('/')[0] ?? '10.81.0.0').split('.').map((p) => Number(p) || 0);
  const n = (((base[0] ?? 0) << 24) >>> 0) + ((base[1] ?? 0) << 16) + ((base[2] ?? 0) << 8) + (base[3] ?? 0) + host;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function nextContainerIp(grid: GridRecord): string {
  let host = grid.nextOverlayHost;
  // Stay inside a /16 and skip the .0 and .255 addresses.
  if (host >= 65_000) host = 256;
  if (host % 256 === 0) host += 1;
  if (host % 256 === 255) host += 2;
  grid.nextOverlayHost = host + 1;
  return overlayIp(grid, host);
}

// --- services ---------------------------------------------------------------------------

function defaultDeployOpts(oid: string): DeployOptsRecord {
  return { oid, interval: null, minHealth: 0.8, waitForPort: null };
}

export function defaultServiceConfig(store: Store, image: string): ServiceConfig {
  return {
    image,
    affinity: [],
    user: null,
    instances: 1,
    cmd: null,
    entrypoint: null,
    net: 'bridge',
    ports: [],
    env: [],
    secrets: [],
    memory: null,
    memorySwap: null,
    cpuShares: null,
    volumes: [],
    volumesFrom: [],
    capAdd: [],
    capDrop: [],
    links: [],
    logDriver: null,
    logOpts: {},
    strategy: 'ha',
    deployOpts: defaultDeployOpts(store.ids.objectId()),
    pid: null,
    hooks: [],
    healthCheck: null,
    privileged: false,
    devices: [],
  };
}

interface ServiceSpec {
  grid: GridRecord;
  stack: StackRecord;
  name: string;
  stateful: boolean;
  config: ServiceConfig;
  createdAt?: number;
}

/**
 * The configuration fields of `c` as a fresh object, listed field by field in one order:
 * what a service is built from and what an update copies back, never the record's other
 * fields, and every service ends up with one object shape.
 */
export function serviceConfigOf(c: ServiceConfig): ServiceConfig {
  return {
    image: c.image,
    affinity: c.affinity,
    user: c.user,
    instances: c.instances,
    cmd: c.cmd,
    entrypoint: c.entrypoint,
    net: c.net,
    ports: c.ports,
    env: c.env,
    secrets: c.secrets,
    memory: c.memory,
    memorySwap: c.memorySwap,
    cpuShares: c.cpuShares,
    volumes: c.volumes,
    volumesFrom: c.volumesFrom,
    capAdd: c.capAdd,
    capDrop: c.capDrop,
    links: c.links,
    logDriver: c.logDriver,
    logOpts: c.logOpts,
    strategy: c.strategy,
    deployOpts: c.deployOpts,
    pid: c.pid,
    hooks: c.hooks,
    healthCheck: c.healthCheck,
    privileged: c.privileged,
    devices: c.devices,
  };
}

export function addService(store: Store, spec: ServiceSpec): ServiceRecord {
  const at = spec.createdAt ?? store.now();
  const service: ServiceRecord = {
    ...serviceConfigOf(spec.config),
    id: store.ids.objectId(at),
    grid: spec.grid,
    stack: spec.stack,
    name: spec.name,
    stateful: spec.stateful,
    createdAt: at,
    updatedAt: at,
    state: 'initialized',
    revision: 1,
    stackRevision: spec.stack.name === NULL_STACK ? null : (spec.stack.revision ?? 1),
    deployRequestedAt: null,
    deployedAt: null,
    containers: new Set(),
    deploys: [],
    events: new RingBuffer(SERVICE_EVENTS_LIMIT),
    logs: null,
    logsWatchedUntil: 0,
    destroyed: false,
  };
  spec.grid.services.set(service.id, service);
  spec.stack.services.set(service.name, service);
  return service;
}

export function findService(grid: GridRecord, stackName: string, name: string): ServiceRecord | undefined {
  return grid.stacks.get(stackName)?.services.get(name);
}

export function servicePath(service: ServiceRecord): string {
  return `${service.grid.name}/${service.stack.name}/${service.name}`;
}

/** `N` for the null stack, `S.N` otherwise: the prefix of container names. */
export function serviceNameWithStack(service: ServiceRecord): string {
  return service.stack.name === NULL_STACK ? service.name : `${service.stack.name}.${service.name}`;
}

export function serviceDns(service: ServiceRecord): string {
  return service.stack.name === NULL_STACK
    ? `${service.name}.${service.grid.name}.kontena.local`
    : `${service.name}.${service.stack.name}.${service.grid.name}.kontena.local`;
}

/** Services of the grid that link to `service`. */
export function linkingServices(service: ServiceRecord): ServiceRecord[] {
  const out: ServiceRecord[] = [];
  for (const other of service.grid.services.values()) {
    if (other !== service && other.links.some((l) => l.target === service)) out.push(other);
  }
  return out;
}

/** Destroys the service with its containers and deploy records (DELETE). */
export function destroyService(store: Store, service: ServiceRecord): void {
  for (const container of [...service.containers]) destroyContainer(container);
  for (const deploy of service.deploys) {
    deploy.removed = true;
  }
  service.deploys = [];
  service.destroyed = true;
  service.logs = null;
  service.grid.services.delete(service.id);
  service.stack.services.delete(service.name);
}

/** A deploy record as the deploy route makes it: `created`, nothing started yet. Not yet in `service.deploys`. */
export function newDeployRecord(store: Store, service: ServiceRecord, createdAt: number, force: boolean): DeployRecord {
  return {
    id: store.ids.objectId(createdAt),
    service,
    createdAt,
    startedAt: null,
    finishedAt: null,
    state: 'created',
    reason: null,
    instanceDeploys: [],
    force,
    removed: false,
  };
}

// --- containers --------------------------------------------------------------------------

export function addContainer(container: ContainerRecord): void {
  container.grid.containers.set(container.id, container);
  container.node?.containers.add(container);
  container.service?.containers.add(container);
}

/** Marks a container deleted (the agent has been told to remove it); it stays counted in list instance_counts until destroyed. */
export function softDeleteContainer(container: ContainerRecord, at: number): void {
  if (container.deletedAt !== null) return;
  container.deletedAt = at;
  container.updatedAt = at;
  container.state.running = false;
  container.finishedAt = container.finishedAt ?? at;
}

export function destroyContainer(container: ContainerRecord): void {
  container.grid.containers.delete(container.id);
  container.node?.containers.delete(container);
  container.service?.containers.delete(container);
}

export function liveContainers(service: ServiceRecord): ContainerRecord[] {
  const out: ContainerRecord[] = [];
  for (const c of service.containers) if (c.deletedAt === null && c.containerType === 'container') out.push(c);
  return out;
}

/** Container list order: oldest first, record id breaking ties. */
export function olderFirst(a: ContainerRecord, b: ContainerRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function userCanSeeGrid(user: UserRecord, grid: GridRecord): boolean {
  return isMasterAdmin(user) || grid.memberIds.has(user.id);
}

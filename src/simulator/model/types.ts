/**
 * The simulated master's records. They mirror the Mongoid models the JSON views read
 * (docs/kontena-api.md §4); views/ turns them into the exact wire shapes.
 */
import type { RingBuffer } from '../../lib/ring-buffer';

export interface RoleRecord {
  name: string;
  description: string;
}

export interface UserRecord {
  id: string;
  email: string;
  /** Null for a user invited by email only (POST /v1/users, docs/kontena-api-grid.md G6.2). */
  name: string | null;
  roles: RoleRecord[];
  createdAt: number;
}

/** An access token, or an authorization code when `code` is set. */
export interface TokenRecord {
  id: string;
  user: UserRecord;
  accessToken: string | null;
  refreshToken: string | null;
  code: string | null;
  expiresAt: number | null;
  scopes: string[];
  createdAt: number;
  updatedAt: number;
}

export type ServiceState = 'initialized' | 'running' | 'stopped' | 'restarting';
export type Strategy = 'ha' | 'daemon' | 'random';
export type DeployState = 'created' | 'ongoing' | 'success' | 'error';

export interface EventRelationship {
  id: string;
  type: 'grid' | 'stack' | 'service' | 'volume' | 'node';
}

export interface EventRecord {
  /** Internal monotonic id: never shown (event logs have no id), used for `from` and ordering. */
  seq: string;
  createdAt: number;
  severity: 0 | 1 | 2 | 3;
  type: string | null;
  message: string;
  meta: { instance_number: number } | null;
  relationships: EventRelationship[];
}

export interface LogRecord {
  id: string;
  service: ServiceRecord;
  createdAt: number;
  name: string;
  /** Internal record id of the container (what LogJson.container_id shows). */
  containerRecordId: string;
  instanceNumber: number | null;
  nodeName: string | null;
  type: 'stdout' | 'stderr';
  data: string;
}

export interface GridRecord {
  id: string;
  name: string;
  token: string;
  initialSize: number;
  createdAt: number;
  updatedAt: number;
  defaultAffinity: string[];
  trustedSubnets: string[];
  subnet: string;
  supernet: string;
  statsd: { server: string; port: number } | null;
  logs: { forwarder: string; opts: Record<string, string> } | null;
  memberIds: Set<string>;
  nodes: Map<string, NodeRecord>;
  stacks: Map<string, StackRecord>;
  services: Map<string, ServiceRecord>;
  containers: Map<string, ContainerRecord>;
  secrets: Map<string, SecretRecord>;
  /** Volume definitions by name (docs/kontena-api-grid.md G4). */
  volumes: Map<string, VolumeRecord>;
  networks: string[];
  nextNodeNumber: number;
  nextOverlayHost: number;
  events: RingBuffer<EventRecord>;
}

export interface NodeRecord {
  /** Docker engine id, "ABCD:EFGH:…": NodeJson.id. */
  id: string;
  recordId: string;
  grid: GridRecord;
  name: string;
  connected: boolean;
  createdAt: number;
  updatedAt: number;
  lastSeenAt: number | null;
  os: string;
  engineRootDir: string;
  driver: string;
  kernelVersion: string;
  labels: string[];
  /** The docker engine's own labels: copied back at a (re)connect when the node has none (G2.3 quirk). */
  engineLabels: string[];
  memTotal: number;
  memLimit: number;
  cpus: number;
  publicIp: string;
  privateIp: string;
  agentVersion: string;
  dockerVersion: string;
  nodeNumber: number;
  initialMember: boolean;
  /** A node that dropped off for a while (demo churn) comes back then; null when nothing brings it back. */
  reconnectAt: number | null;
  containers: Set<ContainerRecord>;
}

export interface StackRecord {
  id: string;
  name: string;
  grid: GridRecord;
  createdAt: number;
  /** created_at of the latest revision. */
  updatedAt: number | null;
  registryName: string | null;
  registry: string | null;
  version: string | null;
  revision: number | null;
  expose: string | null;
  source: string | null;
  variables: Record<string, unknown> | null;
  services: Map<string, ServiceRecord>;
  /** StackRevision records, oldest first (docs/kontena-api-grid.md G3.1); empty for the null stack. */
  revisions: StackRevisionRecord[];
  /** StackDeploy records, oldest first, a bounded few (G3.5). */
  deploys: StackDeployRecord[];
  /** DELETE was accepted: the remove worker is stopping and deleting its services (G3.6). */
  removing: boolean;
}

/** One stack revision: the install/upgrade body as it was sent (G3.1). */
export interface StackRevisionRecord {
  number: number;
  createdAt: number;
  registryName: string;
  registry: string | null;
  version: string;
  expose: string | null;
  source: string;
  variables: Record<string, unknown> | null;
  /** Raw service create bodies. */
  services: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
}

export interface StackDeployRecord {
  id: string;
  createdAt: number;
  state: DeployState;
  serviceDeploys: DeployRecord[];
  /** The worker's plan, by service name: what it deploys in order, what it destroys first (G3.5). */
  order: string[];
  dropped: string[];
}

export interface PortRecord {
  ip: string;
  protocol: string;
  nodePort: number;
  containerPort: number;
}

export interface SecretRefRecord {
  secret: string;
  name: string;
  type: 'env';
}

export interface LinkRecord {
  target: ServiceRecord;
  alias: string;
}

export interface HookRecord {
  oid: string;
  name: string;
  type: 'post_start';
  cmd: string;
  instances: string;
  oneshot: boolean;
}

export interface DeployOptsRecord {
  oid: string;
  interval: number | null;
  minHealth: number;
  waitForPort: number | null;
}

export interface HealthCheckRecord {
  protocol: 'http' | 'tcp' | null;
  uri: string;
  port: number | null;
  timeout: number;
  initialDelay: number;
  interval: number;
}

/** The stored, user-editable configuration of a service (what PUT compares for `revision`). */
export interface ServiceConfig {
  image: string;
  affinity: string[];
  user: string | null;
  instances: number;
  cmd: string[] | null;
  entrypoint: string | null;
  net: string;
  ports: PortRecord[];
  env: string[];
  secrets: SecretRefRecord[];
  memory: number | null;
  memorySwap: number | null;
  cpuShares: number | null;
  volumes: string[];
  volumesFrom: string[];
  capAdd: string[];
  capDrop: string[];
  links: LinkRecord[];
  logDriver: string | null;
  logOpts: Record<string, string>;
  strategy: Strategy;
  deployOpts: DeployOptsRecord;
  pid: string | null;
  hooks: HookRecord[];
  healthCheck: HealthCheckRecord | null;
  privileged: boolean;
  devices: string[];
}

export interface ServiceRecord extends ServiceConfig {
  id: string;
  grid: GridRecord;
  stack: StackRecord;
  name: string;
  stateful: boolean;
  createdAt: number;
  updatedAt: number;
  state: ServiceState;
  revision: number;
  stackRevision: number | null;
  deployRequestedAt: number | null;
  deployedAt: number | null;
  /** Container records of this service, soft-deleted ones included until they are destroyed. */
  containers: Set<ContainerRecord>;
  deploys: DeployRecord[];
  events: RingBuffer<EventRecord>;
  logs: RingBuffer<LogRecord> | null;
  /** Logs are generated only while someone looks (kept cheap for the large scenario). */
  logsWatchedUntil: number;
  destroyed: boolean;
}

export interface ContainerStateRecord {
  error: string;
  exitCode: number;
  pid: number;
  oomKilled: boolean;
  paused: boolean;
  restarting: boolean;
  dead: boolean;
  running: boolean;
}

export interface ContainerRecord {
  id: string;
  name: string;
  containerId: string;
  grid: GridRecord;
  node: NodeRecord | null;
  service: ServiceRecord | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  deletedAt: number | null;
  state: ContainerStateRecord;
  deployRev: string | null;
  serviceRev: string | null;
  instanceNumber: number | null;
  image: string;
  cmd: string[] | null;
  /**
   * The service's env at creation. Shared, not copied: a service's arrays are replaced,
   * never mutated, so this stays a snapshot. The view adds the KONTENA_* variables.
   */
  env: string[];
  ipAddress: string | null;
  hostname: string | null;
  domainname: string | null;
  /** Host part of the docker bridge address (172.17.0.x); network_settings is derived from it. */
  bridgeHost: number;
  /** The service's ports at creation (shared like env). */
  ports: PortRecord[];
  healthStatus: { status: 'healthy' | 'unhealthy'; updatedAt: number } | null;
  containerType: 'container' | 'volume';
}

export interface InstanceDeployRecord {
  instanceNumber: number;
  node: string;
  state: DeployState;
  error: string | null;
}

export interface DeployRecord {
  id: string;
  service: ServiceRecord;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  state: DeployState;
  reason: string | null;
  instanceDeploys: InstanceDeployRecord[];
  force: boolean;
  /** Deleted by the worker (scale of a stopped service) or with its service: GET gives 404. */
  removed: boolean;
}

export interface SecretRecord {
  /** The GridSecret record id (audit entries name it, docs/kontena-api-grid.md G5.1). */
  id: string;
  name: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}

/** A grid volume definition (docs/kontena-api-grid.md G4); docker volumes are made per node at deploy. */
export interface VolumeRecord {
  id: string;
  name: string;
  scope: string;
  driver: string;
  /** null when create did not send it (the model default {} is overwritten). */
  driverOpts: Record<string, unknown> | null;
  createdAt: number;
  updatedAt: number;
}

/** One AuditLog record (docs/kontena-api-grid.md G5): a snapshot, so it outlives what it names. */
export interface AuditRecord {
  createdAt: number;
  /** The grid's record id and name at the time; the view shows null once that grid is gone. */
  gridId: string | null;
  gridName: string | null;
  /** GridService record id, "" when the entry has no service. */
  serviceId: string;
  resourceType: string;
  resourceName: string | null;
  resourceId: string;
  eventName: string;
  sourceIp: string;
  userAgent: string | null;
  userId: string;
  userEmail: string;
}

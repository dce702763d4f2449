/**
 * The service form's model: what the inputs hold, as the user typed it (strings for
 * text inputs, one object per row of a repeatable option). The converters in
 * form-from-service.ts and form-to-body.ts turn it into request bodies and back.
 */
import type { AffinityOperator, AffinitySubject } from '../../lib/options/affinity';
import type { Strategy } from '../../api/schemas/service';

/** One row of an option that takes one text value per row (ports, volumes, caps, …). */
export interface TextRow {
  value: string;
}

/** One row of `KEY=VALUE` options (env, log opts). */
export interface KeyValueRow {
  key: string;
  value: string;
}

export interface LinkRow {
  /** `N` (a service of the form's own stack) or `S/N`. */
  target: string;
  /** Empty = the target, as the CLI does. */
  alias: string;
}

export interface SecretRow {
  /** The grid secret (vault) name. */
  secret: string;
  /** The environment variable it becomes. */
  name: string;
}

export interface AffinityRow {
  /** `''` keeps a stored affinity that is not in a known form as its raw text (in `value`). */
  subject: AffinitySubject | '';
  operator: AffinityOperator;
  value: string;
}

export interface HookRow {
  name: string;
  cmd: string;
  /** `*` or instance numbers `1,2`. The master never returns it, so an edit form starts it empty. */
  instances: string;
  oneshot: boolean;
}

/** Create: on or off (the CLI always sends it). Update: the master never returns it, so "keep" sends nothing. */
export type PrivilegedChoice = 'keep' | 'on' | 'off';
export type NetMode = 'bridge' | 'host' | 'container';
type HealthCheckChoice = '' | 'http' | 'tcp';

export interface HealthCheckForm {
  /** `''`: no health check. */
  protocol: HealthCheckChoice;
  port: string;
  uri: string;
  timeout: string;
  interval: string;
  initialDelay: string;
}

export interface ServiceForm {
  // General
  name: string;
  image: string;
  instances: string;
  cmd: string;
  entrypoint: string;
  user: string;
  stateful: boolean;
  // Networking
  ports: TextRow[];
  netMode: NetMode;
  netContainer: string;
  links: LinkRow[];
  // Storage
  volumes: TextRow[];
  volumesFrom: TextRow[];
  // Environment & secrets
  env: KeyValueRow[];
  secrets: SecretRow[];
  // Resources
  cpuShares: string;
  memory: string;
  memorySwap: string;
  // Security
  privileged: PrivilegedChoice;
  capAdd: TextRow[];
  capDrop: TextRow[];
  pid: boolean;
  /** Update only: devices are never returned, so they are sent only when the user says to replace them. */
  replaceDevices: boolean;
  devices: TextRow[];
  // Logging
  logDriver: string;
  logOpts: KeyValueRow[];
  // Deploy
  strategy: Strategy;
  deployWaitForPort: string;
  deployMinHealth: string;
  deployInterval: string;
  affinity: AffinityRow[];
  // Health check
  healthCheck: HealthCheckForm;
  // Hooks
  hooks: HookRow[];
}

/** The new-service form: every option at the value that sends nothing (the master's default). */
export function emptyServiceForm(): ServiceForm {
  return {
    name: '',
    image: '',
    instances: '',
    cmd: '',
    entrypoint: '',
    user: '',
    stateful: false,
    ports: [],
    netMode: 'bridge',
    netContainer: '',
    links: [],
    volumes: [],
    volumesFrom: [],
    env: [],
    secrets: [],
    cpuShares: '',
    memory: '',
    memorySwap: '',
    privileged: 'off',
    capAdd: [],
    capDrop: [],
    pid: false,
    replaceDevices: false,
    devices: [],
    logDriver: '',
    logOpts: [],
    strategy: 'ha',
    deployWaitForPort: '',
    deployMinHealth: '',
    deployInterval: '',
    affinity: [],
    healthCheck: { protocol: '', port: '', uri: '', timeout: '', interval: '', initialDelay: '' },
    hooks: [],
  };
}

export const NEW_ROW = {
  text: (): TextRow => ({ value: '' }),
  keyValue: (): KeyValueRow => ({ key: '', value: '' }),
  link: (): LinkRow => ({ target: '', alias: '' }),
  secret: (): SecretRow => ({ secret: '', name: '' }),
  affinity: (): AffinityRow => ({ subject: 'node', operator: '==', value: '' }),
  hook: (): HookRow => ({ name: '', cmd: '', instances: '*', oneshot: false }),
};

/**
 * Every text input of the service form, for the fuzz tests (#15 item 7): how a text goes
 * into the form (with what else the input needs to be sent), and, when the form accepts
 * it, what the master must then hold, read back from the service JSON. The master keeps
 * a string input as `masterText` says (docs/kontena-api.md §3.1); the form trims what it
 * trims first, as the CLI's users would.
 */
import type { Service } from '../../../src/api/schemas/service';
import { HEALTH_CHECK_DEFAULTS } from '../../../src/lib/options/health-check';
import { applyImageDefaultTag } from '../../../src/lib/options/image';
import { masterText } from '../../../src/lib/options/master-text';
import { shellSplit } from '../../../src/lib/shellwords';
import { type BodyKey, type FormMode } from '../../../src/features/service-form/option-groups';
import type { ServiceForm } from '../../../src/features/service-form/service-form-model';

/** What the master holds after a save with the text, or `unsent` when the form sends nothing for it. */
export type Held = { held: unknown } | 'unsent';

/** Which form the text was typed into, and for an update the service it started from. */
export interface FuzzContext {
  mode: FormMode;
  before: Service | null;
}

export interface FuzzField {
  /** The input's path in the form; its DOM id is `fieldId(path)`. */
  path: string;
  /** The body field it feeds. */
  key: BodyKey;
  /** Where the edit form has it too (create-only fields are read-only there). */
  modes: readonly FormMode[];
  /** Puts the text into the form, with what else the input needs (a protocol for the health-check port, …). */
  set(form: ServiceForm, text: string): void;
  /** What the master stores of the text, from the service JSON (null: the master never returns it). */
  read: ((service: Service) => unknown) | null;
  /** What `read` must give once the form accepted and saved the text. */
  expect(text: string, ctx: FuzzContext): Held;
}

const blank = (text: string): boolean => text.trim() === '';
const kept = (text: string): Held => (blank(text) ? 'unsent' : { held: masterText(text.trim()) });

/** The first item of a list input: an update whose rows are all blank clears the list. */
const listItem = (text: string, { mode }: FuzzContext): Held =>
  blank(text) ? (mode === 'update' ? { held: undefined } : 'unsent') : kept(text);

function numeric(text: string): Held {
  return blank(text) ? 'unsent' : { held: Number(text.trim()) + 0 };
}

/** For inputs whose parser takes none of the hostile texts but a blank one: anything else accepted is a failure to see. */
const onlyBlankAccepted = (text: string): Held =>
  blank(text) ? 'unsent' : { held: `(the form should have refused ${JSON.stringify(text.slice(0, 40))})` };

const BOTH: readonly FormMode[] = ['create', 'update'];
const CREATE: readonly FormMode[] = ['create'];

export const FUZZ_FIELDS: readonly FuzzField[] = [
  { path: 'name', key: 'name', modes: CREATE, set: (f, t) => void (f.name = t), read: (s) => s.name, expect: (t) => ({ held: t.trim() }) },
  {
    path: 'image',
    key: 'image',
    modes: BOTH,
    set: (f, t) => void (f.image = t),
    read: (s) => s.image,
    expect: (t) => ({ held: masterText(applyImageDefaultTag(t.trim())) }),
  },
  { path: 'instances', key: 'instances', modes: BOTH, set: (f, t) => void (f.instances = t), read: (s) => s.instances, expect: numeric },
  { path: 'user', key: 'user', modes: BOTH, set: (f, t) => void (f.user = t), read: (s) => s.user, expect: kept },
  {
    path: 'cmd',
    key: 'cmd',
    modes: BOTH,
    set: (f, t) => void (f.cmd = t),
    read: (s) => s.cmd,
    expect: (t, { mode }) => {
      // An update with an empty Cmd clears it (back to the image's own command).
      if (blank(t)) return mode === 'update' ? { held: [] } : 'unsent';
      const words = shellSplit(t);
      return { held: words.ok ? words.value.map(masterText) : null };
    },
  },
  { path: 'entrypoint', key: 'entrypoint', modes: CREATE, set: (f, t) => void (f.entrypoint = t), read: (s) => s.entrypoint, expect: kept },
  {
    path: 'netContainer',
    key: 'net',
    modes: BOTH,
    set: (f, t) => {
      f.netMode = 'container';
      f.netContainer = t;
    },
    read: (s) => s.net,
    expect: (t) => ({ held: masterText(`container:${t.trim()}`) }),
  },
  { path: 'cpuShares', key: 'cpu_shares', modes: BOTH, set: (f, t) => void (f.cpuShares = t), read: (s) => s.cpu_shares, expect: numeric },
  { path: 'memory', key: 'memory', modes: BOTH, set: (f, t) => void (f.memory = t), read: (s) => s.memory, expect: numeric },
  {
    path: 'memorySwap',
    key: 'memory_swap',
    modes: BOTH,
    set: (f, t) => void (f.memorySwap = t),
    read: (s) => s.memory_swap,
    expect: numeric,
  },
  { path: 'logDriver', key: 'log_driver', modes: BOTH, set: (f, t) => void (f.logDriver = t), read: (s) => s.log_driver, expect: kept },
  {
    path: 'deployWaitForPort',
    key: 'deploy_opts',
    modes: BOTH,
    set: (f, t) => void (f.deployWaitForPort = t),
    read: (s) => s.deploy_opts.wait_for_port,
    expect: numeric,
  },
  {
    path: 'deployMinHealth',
    key: 'deploy_opts',
    modes: BOTH,
    set: (f, t) => void (f.deployMinHealth = t),
    read: (s) => s.deploy_opts.min_health,
    expect: numeric,
  },
  {
    path: 'deployInterval',
    key: 'deploy_opts',
    modes: BOTH,
    set: (f, t) => void (f.deployInterval = t),
    read: (s) => s.deploy_opts.interval,
    expect: numeric,
  },
  {
    path: 'healthCheck.port',
    key: 'health_check',
    modes: BOTH,
    set: (f, t) => void (f.healthCheck = { ...f.healthCheck, protocol: 'tcp', port: t }),
    read: (s) => s.health_check?.port,
    expect: numeric,
  },
  {
    path: 'healthCheck.uri',
    key: 'health_check',
    modes: BOTH,
    set: (f, t) => void (f.healthCheck = { ...f.healthCheck, protocol: 'http', port: '80', uri: t }),
    read: (s) => s.health_check?.uri,
    // An empty URI is the master's default.
    expect: (t) => ({ held: blank(t) ? '/' : masterText(t.trim()) }),
  },
  ...(['timeout', 'interval', 'initialDelay'] as const).map((part): FuzzField => ({
    path: `healthCheck.${part}`,
    key: 'health_check',
    modes: BOTH,
    set: (f, t) => void (f.healthCheck = { ...f.healthCheck, protocol: 'tcp', port: '80', [part]: t }),
    read: (s) => s.health_check?.[part === 'initialDelay' ? 'initial_delay' : part],
    // Left empty, the master's default (the check itself is sent, with its port).
    expect: (t) => (blank(t) ? { held: HEALTH_CHECK_DEFAULTS[part === 'initialDelay' ? 'initial_delay' : part] } : numeric(t)),
  })),
  {
    path: 'ports.0.value',
    key: 'ports',
    modes: BOTH,
    set: (f, t) => void (f.ports = [{ value: t }]),
    read: (s) => s.ports,
    expect: onlyBlankAccepted,
  },
  {
    path: 'links.0.alias',
    key: 'links',
    modes: BOTH,
    set: (f, t) => void (f.links = [{ target: 'redis', alias: t }]),
    read: (s) => s.links[0]?.alias,
    // An empty alias is the service's name, as the CLI does.
    expect: (t) => ({ held: blank(t) ? 'redis' : masterText(t.trim()) }),
  },
  {
    path: 'volumes.0.value',
    key: 'volumes',
    modes: CREATE,
    set: (f, t) => void (f.volumes = [{ value: t }]),
    read: (s) => s.volumes,
    expect: onlyBlankAccepted,
  },
  {
    path: 'volumesFrom.0.value',
    key: 'volumes_from',
    modes: CREATE,
    set: (f, t) => void (f.volumesFrom = [{ value: t }]),
    read: (s) => s.volumes_from[0],
    expect: kept,
  },
  {
    path: 'env.0.key',
    key: 'env',
    modes: BOTH,
    set: (f, t) => void (f.env = [{ key: t, value: 'v' }]),
    read: (s) => s.env,
    expect: (t) => ({ held: [masterText(`${t}=v`)] }),
  },
  {
    path: 'env.0.value',
    key: 'env',
    modes: BOTH,
    set: (f, t) => void (f.env = [{ key: 'FUZZ', value: t }]),
    read: (s) => s.env,
    expect: (t, { mode, before }) => {
      // An update cannot empty a variable that exists: `FUZZ=` keeps its value (docs/kontena-api.md §4.4).
      const entry = masterText(`FUZZ=${t}`);
      const old = before?.env.find((e) => e.startsWith('FUZZ='));
      return { held: [entry === 'FUZZ=' && mode === 'update' && old !== undefined ? old : entry] };
    },
  },
  {
    path: 'secrets.0.name',
    key: 'secrets',
    modes: BOTH,
    set: (f, t) => void (f.secrets = [{ secret: 'DB_PASSWORD', name: t }]),
    read: (s) => s.secrets[0]?.name,
    expect: kept,
  },
  {
    path: 'capAdd.0.value',
    key: 'cap_add',
    modes: BOTH,
    set: (f, t) => void (f.capAdd = [{ value: t }]),
    read: (s) => s.cap_add[0],
    expect: listItem,
  },
  {
    path: 'capDrop.0.value',
    key: 'cap_drop',
    modes: BOTH,
    set: (f, t) => void (f.capDrop = [{ value: t }]),
    read: (s) => s.cap_drop[0],
    expect: listItem,
  },
  {
    path: 'devices.0.value',
    key: 'devices',
    modes: BOTH,
    set: (f, t) => {
      f.replaceDevices = true;
      f.devices = [{ value: t }];
    },
    read: null,
    expect: onlyBlankAccepted,
  },
  {
    path: 'logOpts.0.key',
    key: 'log_opts',
    modes: BOTH,
    set: (f, t) => void (f.logOpts = [{ key: t, value: 'v' }]),
    read: (s) => s.log_opts,
    expect: (t) => ({ held: { [t.trim()]: 'v' } }),
  },
  {
    path: 'logOpts.0.value',
    key: 'log_opts',
    modes: BOTH,
    set: (f, t) => void (f.logOpts = [{ key: 'tag', value: t }]),
    read: (s) => s.log_opts,
    expect: (t) => ({ held: { tag: masterText(t) } }),
  },
  {
    path: 'affinity.0.value',
    key: 'affinity',
    modes: BOTH,
    set: (f, t) => void (f.affinity = [{ subject: 'node', operator: '==', value: t }]),
    read: (s) => s.affinity,
    expect: (t, { mode }) => (blank(t) ? (mode === 'update' ? { held: [] } : 'unsent') : { held: [masterText(`node==${t.trim()}`)] }),
  },
  {
    path: 'hooks.0.name',
    key: 'hooks',
    modes: BOTH,
    set: (f, t) => void (f.hooks = [{ name: t, cmd: 'true', instances: '*', oneshot: false }]),
    read: (s) => s.hooks[0]?.name,
    expect: kept,
  },
  {
    path: 'hooks.0.cmd',
    key: 'hooks',
    modes: BOTH,
    set: (f, t) => void (f.hooks = [{ name: 'warm', cmd: t, instances: '*', oneshot: false }]),
    read: (s) => s.hooks[0]?.cmd,
    expect: kept,
  },
  {
    path: 'hooks.0.instances',
    key: 'hooks',
    modes: BOTH,
    set: (f, t) => void (f.hooks = [{ name: 'warm', cmd: 'true', instances: t, oneshot: false }]),
    read: null,
    expect: onlyBlankAccepted,
  },
];

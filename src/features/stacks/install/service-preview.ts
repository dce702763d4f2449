/**
 * What an install creates and an upgrade changes, service by service, in the words the
 * CLI prints (8080:80/tcp, name:alias): the body the library built, read as a summary,
 * and for an upgrade compared with the installed stack's services (ServiceJson).
 *
 * Environment variables are shown by name only: their values may come from secret
 * variables, and a preview is no place to print a password.
 */
import type { Service } from '../../../api/schemas/service';
import type { StackServiceBody } from '../../../lib/stack-file/stack-body';

/** The fields of a service the preview shows, each as the lines it prints. */
export interface ServiceSummary {
  name: string;
  image: string;
  /** null: the body leaves it to the master (1 for a new service, kept on an upgrade). */
  instances: number | null;
  stateful: boolean;
  ports: string[];
  links: string[];
  volumes: string[];
  /** null (here and below): the body leaves it out, so an upgrade keeps the current value. */
  envNames: string[] | null;
  secrets: string[] | null;
  /** For an installed service, null is the image's own command. */
  cmd: string | null;
  affinity: string[];
}

const envName = (entry: string): string => entry.split('=')[0] ?? entry;
const portText = (p: { ip: string; node_port: number; container_port: number; protocol: string }): string =>
  `${p.ip === '0.0.0.0' ? '' : `${p.ip}:`}${p.node_port}:${p.container_port}/${p.protocol}`;

export function summarizeBody(service: StackServiceBody): ServiceSummary {
  return {
    name: service.name,
    image: service.image,
    instances: service.instances,
    stateful: service.stateful,
    ports: service.ports.map(portText),
    links: service.links.map((l) => `${l.name}:${l.alias}`),
    volumes: [...service.volumes],
    envNames: service.env === undefined ? null : service.env.map(envName),
    secrets: service.secrets === undefined ? null : service.secrets.map((s) => `${s.secret} as ${s.name}`),
    cmd: service.cmd === undefined ? null : service.cmd.join(' '),
    affinity: [...service.affinity],
  };
}

function summarizeInstalled(service: Service): ServiceSummary {
  return {
    name: service.name,
    image: service.image,
    instances: service.instances,
    stateful: service.stateful,
    ports: service.ports.map(portText),
    links: service.links.map((l) => `${l.name}:${l.alias}`),
    volumes: [...service.volumes],
    envNames: service.env.map(envName),
    secrets: service.secrets.map((s) => `${s.secret} as ${s.name}`),
    cmd: service.cmd === null ? null : service.cmd.join(' '),
    affinity: [...service.affinity],
  };
}

/** One field that differs: scalars as old → new, lists as what is removed and added. */
export interface FieldDiff {
  field: string;
  label: string;
  kind: 'scalar' | 'list';
  before: string;
  after: string;
  removed: string[];
  added: string[];
}

export type ServiceDiff =
  | { kind: 'added'; name: string; summary: ServiceSummary }
  | { kind: 'removed'; name: string; summary: ServiceSummary }
  | { kind: 'changed'; name: string; summary: ServiceSummary; fields: FieldDiff[] }
  | { kind: 'same'; name: string; summary: ServiceSummary };

function listDiff(field: string, label: string, before: string[], after: string[]): FieldDiff | null {
  const removed = before.filter((item) => !after.includes(item));
  const added = after.filter((item) => !before.includes(item));
  if (removed.length === 0 && added.length === 0) return null;
  return { field, label, kind: 'list', before: before.join(', '), after: after.join(', '), removed, added };
}

function scalarDiff(field: string, label: string, before: string, after: string): FieldDiff | null {
  return before === after ? null : { field, label, kind: 'scalar', before, after, removed: [], added: [] };
}

/**
 * Field by field. What the body leaves out (instances, command, environment, secrets)
 * keeps its current value when the stack is deployed, so it is no change.
 */
function diffService(before: ServiceSummary, after: ServiceSummary, envChanged: string[]): FieldDiff[] {
  const out: (FieldDiff | null)[] = [
    scalarDiff('image', 'Image', before.image, after.image),
    after.instances === null ? null : scalarDiff('instances', 'Instances', String(before.instances), String(after.instances)),
    scalarDiff('stateful', 'Stateful', before.stateful ? 'yes' : 'no', after.stateful ? 'yes' : 'no'),
    after.cmd === null ? null : scalarDiff('cmd', 'Command', before.cmd ?? 'image default', after.cmd),
    listDiff('ports', 'Ports', before.ports, after.ports),
    listDiff('links', 'Links', before.links, after.links),
    listDiff('volumes', 'Volumes', before.volumes, after.volumes),
    after.envNames === null ? null : listDiff('env', 'Environment', before.envNames ?? [], after.envNames),
    envChanged.length > 0
      ? {
          field: 'env_values',
          label: 'Environment values',
          kind: 'list',
          before: '',
          after: '',
          removed: [],
          added: envChanged.map((n) => `${n} (new value)`),
        }
      : null,
    after.secrets === null ? null : listDiff('secrets', 'Secrets', before.secrets ?? [], after.secrets),
    listDiff('affinity', 'Affinity', before.affinity, after.affinity),
  ];
  return out.filter((d): d is FieldDiff => d !== null);
}

/** Names of variables present before and after whose value differs (the values themselves are not shown). */
function changedEnvValues(before: readonly string[], after: readonly string[]): string[] {
  const old = new Map(before.map((entry) => [envName(entry), entry]));
  return after.filter((entry) => old.has(envName(entry)) && old.get(envName(entry)) !== entry).map(envName);
}

/** The upgrade's effect: the file's services in its order, then the installed ones it leaves out (the master removes them). */
export function diffStackServices(installed: readonly Service[], next: readonly StackServiceBody[]): ServiceDiff[] {
  const byName = new Map(installed.map((s) => [s.name, s]));
  const diffs: ServiceDiff[] = next.map((body) => {
    const summary = summarizeBody(body);
    const current = byName.get(body.name);
    if (current === undefined) return { kind: 'added', name: body.name, summary };
    const fields = diffService(summarizeInstalled(current), summary, body.env === undefined ? [] : changedEnvValues(current.env, body.env));
    return fields.length === 0 ? { kind: 'same', name: body.name, summary } : { kind: 'changed', name: body.name, summary, fields };
  });
  const kept = new Set(next.map((s) => s.name));
  for (const service of installed) {
    if (!kept.has(service.name)) diffs.push({ kind: 'removed', name: service.name, summary: summarizeInstalled(service) });
  }
  return diffs;
}

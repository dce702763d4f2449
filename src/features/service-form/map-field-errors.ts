/**
 * The master's 422 (docs/kontena-api.md §3.1) back onto the form: a string per plain field, a
 * nested object per hash input (health_check, deploy_opts, hooks, log_opts), an array
 * with one entry per element (null = fine) for lists. Custom messages that name an
 * element ("Secret X does not exist", "Volume definition 'v' …") go to that row.
 */
import type { FieldError, FieldErrors } from '../../api/errors';
import { bodyRowIndexes, type FieldIssue, type RowField } from './option-groups';
import type { ServiceForm } from './service-form-model';

export interface MappedErrors {
  /** Messages at an input (`memory`, `ports.1.value`, `healthCheck.port`, `volumes.root`). */
  fields: FieldIssue[];
  /** Messages that belong to no input (e.g. `grid`), as "field: message". */
  general: string[];
}

interface MapOptions {
  /** The stack a bare link target resolves in: "null" for a new service. */
  ownStack: string;
}

type Entry = string | FieldErrors | null;

/** Every message inside a nested error, in order. */
function messagesOf(error: FieldError | Entry): string[] {
  if (error === null) return [];
  if (typeof error === 'string') return [error];
  if (Array.isArray(error)) return error.flatMap((entry) => messagesOf(entry));
  return Object.values(error).flatMap((value) => messagesOf(value));
}

const SCALARS: Record<string, string> = {
  name: 'name',
  image: 'image',
  stateful: 'stateful',
  instances: 'instances',
  container_count: 'instances',
  cmd: 'cmd',
  entrypoint: 'entrypoint',
  user: 'user',
  cpu_shares: 'cpuShares',
  memory: 'memory',
  memory_swap: 'memorySwap',
  privileged: 'privileged',
  pid: 'pid',
  log_driver: 'logDriver',
  strategy: 'strategy',
};

/** Lists of one text input per row: body key → form field. */
const TEXT_LISTS: Record<string, RowField> = {
  ports: 'ports',
  volumes: 'volumes',
  volumes_from: 'volumesFrom',
  cap_add: 'capAdd',
  cap_drop: 'capDrop',
  devices: 'devices',
  affinity: 'affinity',
  env: 'env',
};

const DEPLOY_PATHS: Record<string, string> = {
  wait_for_port: 'deployWaitForPort',
  min_health: 'deployMinHealth',
  interval: 'deployInterval',
};
const HEALTH_PATHS: Record<string, string> = {
  port: 'healthCheck.port',
  protocol: 'healthCheck.protocol',
  uri: 'healthCheck.uri',
  timeout: 'healthCheck.timeout',
  interval: 'healthCheck.interval',
  initial_delay: 'healthCheck.initialDelay',
};
const HOOK_FIELDS = new Set(['name', 'cmd', 'instances', 'oneshot']);

/** The input of a row that a message about the whole element goes to. */
const ROW_INPUT: Record<RowField, string> = {
  ports: 'value',
  links: 'target',
  volumes: 'value',
  volumesFrom: 'value',
  env: 'key',
  secrets: 'secret',
  capAdd: 'value',
  capDrop: 'value',
  devices: 'value',
  logOpts: 'value',
  affinity: 'value',
  hooks: 'name',
};

export function mapFieldErrors(errors: FieldErrors, form: ServiceForm, options: MapOptions): MappedErrors {
  const result: MappedErrors = { fields: [], general: [] };
  // One message per input: several about the same input are joined.
  const at = (path: string, messages: string[]): void => {
    if (messages.length === 0) return;
    const existing = result.fields.find((field) => field.path === path);
    if (existing === undefined) result.fields.push({ path, message: messages.join(' · ') });
    else existing.message = [existing.message, ...messages].join(' · ');
  };

  /** Per-element entries of a list: element i of the body is form row bodyRowIndexes[i]. */
  const elements = (field: RowField, entries: Entry[], inputOf: (key: string) => string | null): void => {
    const rowOf = bodyRowIndexes(form, field);
    entries.forEach((entry, i) => {
      if (entry === null) return;
      const row = rowOf[i];
      if (row === undefined) {
        at(`${field}.root`, messagesOf(entry));
        return;
      }
      if (typeof entry === 'string') {
        at(`${field}.${row}.${ROW_INPUT[field]}`, [entry]);
        return;
      }
      for (const [key, value] of Object.entries(entry)) {
        at(`${field}.${row}.${inputOf(key) ?? ROW_INPUT[field]}`, messagesOf(value));
      }
    });
  };

  /** A custom message about the whole list: at the row it names, else at the list. */
  const listMessage = (field: RowField, message: string, rowMatches: (index: number) => boolean): void => {
    const rows: readonly unknown[] = form[field];
    let row = -1;
    rows.forEach((_, index) => {
      if (rowMatches(index)) row = index;
    });
    at(row === -1 ? `${field}.root` : `${field}.${row}.${ROW_INPUT[field]}`, [message]);
  };

  const linkResolves = (index: number, ref: string): boolean => {
    const target = form.links[index]?.target.trim() ?? '';
    return target === ref || (!target.includes('/') && `${options.ownStack}/${target}` === ref);
  };

  for (const [key, error] of Object.entries(errors)) {
    const scalar = SCALARS[key];
    if (scalar !== undefined) {
      at(scalar, messagesOf(error));
      continue;
    }
    const textList = TEXT_LISTS[key];
    if (textList !== undefined) {
      if (Array.isArray(error)) elements(textList, error, () => null);
      else if (typeof error === 'string') {
        const quoted = /'([^']*)'/.exec(error)?.[1];
        const rows: readonly object[] = form[textList];
        listMessage(textList, error, (index) => {
          const row = rows[index];
          return quoted !== undefined && row !== undefined && 'value' in row && String(row.value).trim() === quoted;
        });
      } else at(`${textList}.root`, messagesOf(error));
      continue;
    }
    switch (key) {
      case 'net':
        at(form.netMode === 'container' ? 'netContainer' : 'netMode', messagesOf(error));
        break;
      case 'links':
        if (Array.isArray(error)) elements('links', error, (k) => (k === 'alias' ? 'alias' : 'target'));
        else if (typeof error === 'string') {
          const ref = /^Link (\S+) points to non-existing stack$/.exec(error)?.[1] ?? /^Service (\S+) does not exist$/.exec(error)?.[1];
          listMessage('links', error, (index) => ref !== undefined && linkResolves(index, ref));
        } else at('links.root', messagesOf(error));
        break;
      case 'secrets':
        if (Array.isArray(error)) elements('secrets', error, (k) => (k === 'name' ? 'name' : 'secret'));
        else if (typeof error === 'string') {
          const name = /^Secret (\S+) does not exist$/.exec(error)?.[1];
          listMessage('secrets', error, (index) => name !== undefined && form.secrets[index]?.secret.trim() === name);
        } else at('secrets.root', messagesOf(error));
        break;
      case 'log_opts':
        if (typeof error === 'object' && error !== null && !Array.isArray(error)) {
          for (const [optKey, value] of Object.entries(error)) {
            let row = -1;
            form.logOpts.forEach((opt, index) => {
              if (opt.key.trim() === optKey) row = index;
            });
            at(row === -1 ? 'logOpts.root' : `logOpts.${row}.value`, messagesOf(value));
          }
        } else at('logOpts.root', messagesOf(error));
        break;
      case 'deploy_opts':
        if (typeof error === 'object' && error !== null && !Array.isArray(error)) {
          for (const [optKey, value] of Object.entries(error)) at(DEPLOY_PATHS[optKey] ?? 'deployWaitForPort', messagesOf(value));
        } else at('deployWaitForPort', messagesOf(error));
        break;
      case 'health_check':
        if (typeof error === 'object' && error !== null && !Array.isArray(error)) {
          for (const [hcKey, value] of Object.entries(error)) at(HEALTH_PATHS[hcKey] ?? 'healthCheck.protocol', messagesOf(value));
        } else if (typeof error === 'string') {
          at(/^Interval/.test(error) ? 'healthCheck.interval' : 'healthCheck.protocol', [error]);
        } else at('healthCheck.protocol', messagesOf(error));
        break;
      case 'hooks':
        if (typeof error === 'object' && error !== null && !Array.isArray(error)) {
          const postStart = error.post_start;
          if (Array.isArray(postStart)) elements('hooks', postStart, (k) => (HOOK_FIELDS.has(k) ? k : null));
          else at('hooks.root', messagesOf(error));
        } else at('hooks.root', messagesOf(error));
        break;
      default:
        for (const message of messagesOf(error)) result.general.push(`${key}: ${message}`);
    }
  }
  return result;
}

/**
 * One entry per field of the create/update body: which form fields make it, how they are
 * parsed (with the CLI's parsers from lib/options), what the master does with it on
 * update, and how it reads in a diff. createBody, updateBody, validation, the diff and
 * the 422 mapping are all driven by this table, so they cannot disagree.
 */
import type { Service, Strategy } from '../../api/schemas/service';
import type { ServiceCreateBody } from '../../api/schemas/requests/service-body';
import { parseDevice } from '../../lib/options/devices';
import { parseHookInstances } from '../../lib/options/hook-instances';
import { parseAffinity } from '../../lib/options/affinity';
import { parseCapability } from '../../lib/options/capabilities';
import { parseCmd, formatCmd } from '../../lib/options/cmd';
import { formatRelativeTime, parseDeployInterval, parseMinHealth, parseWaitForPort } from '../../lib/options/deploy';
import { applyEnvUpdate, envKey, envValue, keptEnvKeys, parseEnv, PORTABLE_ENV_NAME } from '../../lib/options/env';
import {
  HEALTH_CHECK_DEFAULTS,
  healthCheckError,
  parseHealthCheckInitialDelay,
  parseHealthCheckInterval,
  parseHealthCheckPort,
  parseHealthCheckTimeout,
  parseHealthCheckUri,
} from '../../lib/options/health-check';
import { parseImage } from '../../lib/options/image';
import { formatLink, parseLinkAlias, parseLinkTarget } from '../../lib/options/links';
import { parseLogOpt } from '../../lib/options/log-opts';
import { formatMemoryHuman, parseMemory } from '../../lib/options/memory';
import { parseServiceName } from '../../lib/options/names';
import { parseNet } from '../../lib/options/network';
import { formatPort, parsePort } from '../../lib/options/ports';
import { parseCpuShares, parseInstances } from '../../lib/options/resources';
import type { ParseResult } from '../../lib/options/result';
import { parseSecretLink } from '../../lib/options/secrets';
import { brokenTextError, masterReplacesCharacters, masterText } from '../../lib/options/master-text';
import { shownValue } from '../../lib/options/shown-value';
import { parseVolume, parseVolumesFrom, statefulVolumesError, statefulVolumesFromError } from '../../lib/options/volumes';
import type { KeyValueRow, LinkRow, SecretRow, ServiceForm, TextRow, AffinityRow, HookRow } from './service-form-model';

export type FormMode = 'create' | 'update';

export type FormContext =
  { mode: 'create'; secretNames?: readonly string[] } | { mode: 'update'; original: Service; secretNames?: readonly string[] };

/** A message for one input, by its form path (`memory`, `ports.1.value`, `volumesFrom.root`). */
export interface FieldIssue {
  path: string;
  message: string;
}

interface Converted<T> {
  /** undefined: nothing to send (or the input is invalid, see errors). */
  value: T | undefined;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/** Every body field the form can set (the deprecated `container_count` is never sent). */
export type BodyKey = Exclude<keyof ServiceCreateBody, 'grid' | 'stack' | 'container_count'>;
export type BodyValues = { [K in BodyKey]-?: NonNullable<ServiceCreateBody[K]> };

export type SectionId =
  'general' | 'networking' | 'storage' | 'env' | 'resources' | 'security' | 'logging' | 'deploy' | 'healthCheck' | 'hooks';

interface OptionGroup<T> {
  label: string;
  /** The CLI option(s), or null when only the API has it. */
  flag: string | null;
  section: SectionId;
  /** The form fields that make this body field (for change detection: a change here is a change to send). */
  fields: readonly (keyof ServiceForm)[];
  /**
   * Other form fields that this field's checks read (Memory for the memory swap warning,
   * Stateful for volumes-from). A change there checks this field again, but does not make
   * it a change to send: Memory alone is `-m`, never also `--memory-swap`.
   */
  checkedWith?: readonly (keyof ServiceForm)[];
  /** `createOnly`: the master ignores it on update, so the edit form shows it read-only. */
  update: 'editable' | 'createOnly';
  convert(form: ServiceForm, ctx: FormContext): Converted<T>;
  /** The value with the master's defaults filled in, for comparing. */
  normalize?(value: T | undefined): unknown;
  /** Lines for the diff; `scalar` groups show one line before → after. */
  display(value: T | undefined): string[];
  kind: 'scalar' | 'list';
}

// ---------------------------------------------------------------------------------------
// Small converters

const issue = (path: string, message: string): FieldIssue => ({ path, message });

function valid<T>(value: T): Converted<T> {
  return { value, errors: [], warnings: [] };
}

function none<T>(): Converted<T> {
  return { value: undefined, errors: [], warnings: [] };
}

function invalid<T>(path: string, message: string): Converted<T> {
  return { value: undefined, errors: [issue(path, message)], warnings: [] };
}

function fromParse<T>(path: string, result: ParseResult<T>): Converted<T> {
  if (!result.ok) return invalid(path, result.error);
  return { value: result.value, errors: [], warnings: result.warning === undefined ? [] : [issue(path, result.warning)] };
}

function mapValue<T, U>(converted: Converted<T>, map: (value: T) => U): Converted<U> {
  return { ...converted, value: converted.value === undefined ? undefined : map(converted.value) };
}

const notBlank =
  (label: string) =>
  (raw: string): ParseResult<string> =>
    raw.trim() === '' ? { ok: false, error: `${label} can't be blank` } : { ok: true, value: raw.trim() };

/**
 * A scalar the master keeps when nothing is sent. An empty field sends nothing on create,
 * and on update when the service has no value either (`current` is null). Emptying a
 * stored value is an error: it would not clear it (the master ignores a missing or null
 * value, and "" is "can't be blank"), and the CLI has no way to say it either.
 */
function optionalScalar<T>(
  path: string,
  label: string,
  raw: string,
  parse: (raw: string) => ParseResult<T>,
  ctx: FormContext,
  current: (service: Service) => unknown,
): Converted<T> {
  if (raw.trim() === '') {
    return ctx.mode === 'update' && current(ctx.original) !== null
      ? invalid(path, `${label} cannot be emptied by an update: the master keeps the stored value when none is sent`)
      : none();
  }
  return fromParse(path, parse(raw));
}

/** Which rows of a repeatable option count: a row left entirely empty is ignored. */
const rowIsBlank = {
  text: (row: TextRow): boolean => row.value.trim() === '',
  env: (row: KeyValueRow): boolean => row.key.trim() === '' && row.value === '',
  keyValue: (row: KeyValueRow): boolean => row.key.trim() === '' && row.value.trim() === '',
  link: (row: LinkRow): boolean => row.target.trim() === '' && row.alias.trim() === '',
  secret: (row: SecretRow): boolean => row.secret.trim() === '' && row.name.trim() === '',
  affinity: (row: AffinityRow): boolean => row.value.trim() === '',
  hook: (row: HookRow): boolean => row.name.trim() === '' && row.cmd.trim() === '',
};

/** The repeatable options, with the blank test of their rows. */
const ROW_FIELDS = {
  ports: rowIsBlank.text,
  links: rowIsBlank.link,
  volumes: rowIsBlank.text,
  volumesFrom: rowIsBlank.text,
  env: rowIsBlank.env,
  secrets: rowIsBlank.secret,
  capAdd: rowIsBlank.text,
  capDrop: rowIsBlank.text,
  devices: rowIsBlank.text,
  logOpts: rowIsBlank.keyValue,
  affinity: rowIsBlank.affinity,
  hooks: rowIsBlank.hook,
} as const;
export type RowField = keyof typeof ROW_FIELDS;

/** The form row index of each element of the body's list (blank rows are not sent). */
export function bodyRowIndexes(form: ServiceForm, field: RowField): number[] {
  const isBlank = ROW_FIELDS[field] as (row: unknown) => boolean;
  const rows: readonly unknown[] = form[field];
  return rows.flatMap((row, index) => (isBlank(row) ? [] : [index]));
}

/** Converts the non-blank rows one by one; `convertRow` reports its messages by path. */
function rows<R, T>(
  field: RowField,
  list: readonly R[],
  isBlank: (row: R) => boolean,
  convertRow: (row: R, path: string) => Converted<T>,
): Converted<T[]> {
  const result: Converted<T[]> = { value: [], errors: [], warnings: [] };
  const values: T[] = [];
  list.forEach((row, index) => {
    if (isBlank(row)) return;
    const converted = convertRow(row, `${field}.${index}`);
    result.errors.push(...converted.errors);
    result.warnings.push(...converted.warnings);
    if (converted.value !== undefined) values.push(converted.value);
  });
  return result.errors.length > 0 ? { ...result, value: undefined } : { ...result, value: values };
}

function textRows<T>(field: RowField, list: readonly TextRow[], parse: (raw: string) => ParseResult<T>): Converted<T[]> {
  return rows(field, list, rowIsBlank.text, (row, path) => fromParse(`${path}.value`, parse(row.value)));
}

/** A parser that checks the text but sends it as typed (trimmed): the master stores the string. */
function checkedText(parse: (raw: string) => ParseResult<unknown>): (raw: string) => ParseResult<string> {
  return (raw) => {
    const parsed = parse(raw);
    return parsed.ok ? { ok: true, value: raw.trim() } : parsed;
  };
}

/** Create: an empty list sends nothing. Update: it is sent, and clears the stored list. */
function listForMode<T>(converted: Converted<T[]>, ctx: FormContext): Converted<T[]> {
  if (ctx.mode === 'create' && converted.value !== undefined && converted.value.length === 0) return { ...converted, value: undefined };
  return converted;
}

/** A warning on every row after the first that repeats a key. */
function duplicateKeyWarnings(field: RowField, keys: readonly (string | null)[], what: string): FieldIssue[] {
  const first = new Map<string, number>();
  const warnings: FieldIssue[] = [];
  keys.forEach((key, index) => {
    if (key === null || key === '') return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else warnings.push(issue(`${field}.${index}.key`, `${shownValue(key)} is already set in row ${seen + 1}: ${what}`));
  });
  return warnings;
}

const asText = (value: string | undefined): string[] => (value === undefined || value === '' ? [] : [value]);
const asList = (value: string[] | undefined): string[] => [...(value ?? [])];
const asNumber = (value: number | undefined): string[] => (value === undefined ? [] : [String(value)]);

function stored(ctx: FormContext): Service | null {
  return ctx.mode === 'update' ? ctx.original : null;
}

// ---------------------------------------------------------------------------------------
// The groups

type Groups = { [K in BodyKey]: OptionGroup<BodyValues[K]> };

/** How a group converts and reads; `update` is left out for the (most) fields an update can change. */
type GroupSpec<T> = Pick<OptionGroup<T>, 'kind' | 'convert' | 'normalize' | 'display' | 'checkedWith'> & { update?: 'createOnly' };

/** One row of the table: the body field's label, its CLI option(s), its form section and the form fields that make it. */
function group<T>(
  label: string,
  flag: string | null,
  section: SectionId,
  fields: readonly (keyof ServiceForm)[],
  spec: GroupSpec<T>,
): OptionGroup<T> {
  return { label, flag, section, fields, update: 'editable', ...spec };
}

const DEPLOY_DEFAULTS = { wait_for_port: null, min_health: 0.8, interval: null } as const;

export const OPTION_GROUPS: Groups = {
  name: group('Name', 'NAME', 'general', ['name'], {
    kind: 'scalar',
    update: 'createOnly',
    convert: (form) => fromParse('name', parseServiceName(form.name)),
    display: asText,
  }),
  image: group('Image', 'IMAGE, --image', 'general', ['image'], {
    kind: 'scalar',
    convert: (form) => fromParse('image', parseImage(form.image)),
    display: asText,
  }),
  stateful: group('Stateful', '--stateful', 'general', ['stateful'], {
    kind: 'scalar',
    update: 'createOnly',
    convert: (form) => valid(form.stateful),
    display: (value) => [value === true ? 'yes' : 'no'],
  }),
  instances: group('Instances', '--instances', 'general', ['instances'], {
    kind: 'scalar',
    convert: (form, ctx) => optionalScalar('instances', 'Instances', form.instances, parseInstances, ctx, (s) => s.instances),
    normalize: (value) => value ?? 1,
    display: asNumber,
  }),
  cmd: group('Cmd', '--cmd', 'general', ['cmd'], {
    kind: 'scalar',
    convert: (form, ctx) => {
      if (form.cmd.trim() === '') return ctx.mode === 'update' ? valid([]) : none();
      return fromParse('cmd', parseCmd(form.cmd));
    },
    normalize: (value) => value ?? [],
    display: (value) => (value === undefined || value.length === 0 ? ['(the image’s own command)'] : [formatCmd(value)]),
  }),
  entrypoint: group('Entrypoint', null, 'general', ['entrypoint'], {
    kind: 'scalar',
    update: 'createOnly',
    convert: (form) => (form.entrypoint.trim() === '' ? none() : valid(form.entrypoint.trim())),
    display: asText,
  }),
  user: group('User', '-u, --user', 'general', ['user'], {
    kind: 'scalar',
    convert: (form, ctx) => optionalScalar('user', 'User', form.user, notBlank('User'), ctx, (s) => s.user),
    display: asText,
  }),
  ports: group('Ports', '-p, --ports', 'networking', ['ports'], {
    kind: 'list',
    convert: (form, ctx) => listForMode(textRows('ports', form.ports, parsePort), ctx),
    normalize: (value) => (value ?? []).map(formatPort),
    display: (value) => (value ?? []).map(formatPort),
  }),
  net: group('Net', '--net', 'networking', ['netMode', 'netContainer'], {
    kind: 'scalar',
    convert: (form, ctx) => {
      if (form.netMode === 'bridge') return ctx.mode === 'create' ? none() : valid('bridge');
      if (form.netMode === 'host') return valid('host');
      if (form.netContainer.trim() === '') {
        return invalid('netContainer', 'Give the container whose network to share, e.g. other-service-1 (%s is the instance number)');
      }
      return fromParse('netContainer', parseNet(`container:${form.netContainer.trim()}`));
    },
    normalize: (value) => value ?? 'bridge',
    display: (value) => [value ?? 'bridge'],
  }),
  links: group('Links', '-l, --link', 'networking', ['links'], {
    kind: 'list',
    convert: (form, ctx) =>
      listForMode(
        rows('links', form.links, rowIsBlank.link, (row, path) => {
          const target = row.target.trim();
          const alias = row.alias.trim();
          if (target === '') return invalid(`${path}.target`, 'Pick the service to link to');
          // Each input on its own: a ':' in one of them is that input's mistake, not a separator.
          const name = parseLinkTarget(target);
          if (!name.ok) return invalid(`${path}.target`, name.error);
          const checkedAlias = alias === '' ? name : parseLinkAlias(alias);
          if (!checkedAlias.ok) return invalid(`${path}.alias`, checkedAlias.error);
          return valid({ name: name.value, alias: checkedAlias.value });
        }),
        ctx,
      ),
    normalize: (value) => (value ?? []).map(formatLink),
    display: (value) => (value ?? []).map(formatLink),
  }),
  volumes: group('Volumes', '-v, --volume', 'storage', ['volumes'], {
    kind: 'list',
    convert: (form, ctx) => {
      const converted = listForMode(textRows('volumes', form.volumes, checkedText(parseVolume)), ctx);
      const service = stored(ctx);
      if (service !== null && converted.value !== undefined) {
        const problem = statefulVolumesError(service.stateful, service.volumes, converted.value);
        if (problem !== null) return { ...converted, value: undefined, errors: [issue('volumes.root', problem)] };
      }
      return converted;
    },
    display: asList,
  }),
  volumes_from: group('Volumes from', '--volumes-from', 'storage', ['volumesFrom'], {
    kind: 'list',
    // On update the stored stateful decides (the master ignores stateful there).
    checkedWith: ['stateful'],
    convert: (form, ctx) => {
      const converted = listForMode(textRows('volumesFrom', form.volumesFrom, parseVolumesFrom), ctx);
      const stateful = stored(ctx)?.stateful ?? form.stateful;
      const problem = statefulVolumesFromError(stateful, converted.value ?? []);
      if (problem !== null) return { ...converted, value: undefined, errors: [...converted.errors, issue('volumesFrom.root', problem)] };
      return converted;
    },
    display: asList,
  }),
  env: group('Env', '-e, --env', 'env', ['env'], {
    kind: 'list',
    convert: (form, ctx) => {
      const converted = listForMode(
        rows<KeyValueRow, string>('env', form.env, rowIsBlank.env, (row, path) => {
          if (row.key.includes('=')) return invalid(`${path}.key`, `Invalid variable name ${shownValue(row.key)}: a name cannot contain =`);
          const brokenKey = brokenTextError(row.key);
          if (brokenKey !== null) return invalid(`${path}.key`, brokenKey);
          const brokenValue = brokenTextError(row.value);
          if (brokenValue !== null) return invalid(`${path}.value`, brokenValue);
          const entry = `${row.key}=${row.value}`;
          const parsed = parseEnv(entry);
          if (!parsed.ok) return invalid(`${path}.key`, parsed.error);
          const warnings: FieldIssue[] = [];
          if (parsed.warning !== undefined && !PORTABLE_ENV_NAME.test(row.key)) warnings.push(issue(`${path}.key`, parsed.warning));
          // The master strips the whole entry (docs/kontena-api.md §3.1): blanks at the end of the value are lost.
          const kept = masterText(entry).slice(masterText(entry).indexOf('=') + 1);
          // An update that empties a value keeps the stored one: said below, with the stored env at hand.
          if (kept !== row.value && !masterReplacesCharacters(row.value) && !(kept === '' && ctx.mode === 'update')) {
            const stored = kept === '' ? 'with an empty value' : `as “${shownValue(kept)}”`;
            warnings.push(
              issue(
                `${path}.value`,
                `The master strips blanks from the ends of an entry: ${shownValue(row.key.trim())} is stored ${stored}`,
              ),
            );
          }
          return { value: entry, errors: [], warnings };
        }),
        ctx,
      );
      const warnings = [
        ...converted.warnings,
        ...duplicateKeyWarnings(
          'env',
          form.env.map((row) => row.key),
          'the last value wins',
        ),
      ];
      const service = stored(ctx);
      if (service !== null && converted.value !== undefined) {
        const kept = new Set(keptEnvKeys(service.env, converted.value));
        form.env.forEach((row, index) => {
          // As the master reads the entry: stripped, so a value of blanks is an empty one.
          const entry = masterText(`${row.key}=${row.value}`);
          const key = envKey(entry);
          if (kept.has(key) && envValue(entry) === '') {
            warnings.push(
              issue(
                `env.${index}.value`,
                `An update cannot empty a variable: ${shownValue(key)} keeps its current value. Remove the row to remove ${shownValue(key)}.`,
              ),
            );
          }
        });
      }
      return { ...converted, warnings };
    },
    display: asList,
  }),
  secrets: group('Secrets', '--secret', 'env', ['secrets'], {
    kind: 'list',
    convert: (form, ctx) => {
      const converted = listForMode(
        rows<SecretRow, { secret: string; name: string }>('secrets', form.secrets, rowIsBlank.secret, (row, path) => {
          const secret = row.secret.trim();
          const name = row.name.trim();
          if (secret === '') return invalid(`${path}.secret`, 'Pick a secret from the vault');
          if (name === '') return invalid(`${path}.name`, `Give the environment variable that ${shownValue(secret)} becomes`);
          if (ctx.secretNames !== undefined && !ctx.secretNames.includes(secret)) {
            return invalid(`${path}.secret`, `Secret ${shownValue(secret)} does not exist in the grid’s vault`);
          }
          const parsed = parseSecretLink(secret, name);
          if (!parsed.ok) return invalid(`${path}.${parsed.error.startsWith('Invalid variable') ? 'name' : 'secret'}`, parsed.error);
          return {
            value: { secret: parsed.value.secret, name: parsed.value.name },
            errors: [],
            warnings: parsed.warning === undefined ? [] : [issue(`${path}.name`, parsed.warning)],
          };
        }),
        ctx,
      );
      const duplicates = duplicateKeyWarnings(
        'secrets',
        form.secrets.map((row) => row.name.trim()),
        'the container gets only one of them',
      ).map((warning) => ({ ...warning, path: warning.path.replace(/\.key$/, '.name') }));
      return { ...converted, warnings: [...converted.warnings, ...duplicates] };
    },
    normalize: (value) => (value ?? []).map(({ secret, name }) => `${secret}:${name}`),
    display: (value) => (value ?? []).map(({ secret, name }) => `${secret} as ${name}`),
  }),
  cpu_shares: group('CPU shares', '-c, --cpu-shares', 'resources', ['cpuShares'], {
    kind: 'scalar',
    convert: (form, ctx) => optionalScalar('cpuShares', 'CPU shares', form.cpuShares, parseCpuShares, ctx, (s) => s.cpu_shares),
    display: asNumber,
  }),
  memory: group('Memory', '-m, --memory', 'resources', ['memory'], {
    kind: 'scalar',
    convert: (form, ctx) => optionalScalar('memory', 'Memory', form.memory, parseMemory, ctx, (s) => s.memory),
    display: (value) => (value === undefined ? [] : [formatMemoryHuman(value)]),
  }),
  memory_swap: group('Memory swap', '--memory-swap', 'resources', ['memorySwap'], {
    kind: 'scalar',
    // The master takes memory and memory_swap apart (§5); Docker checks them together
    // when it creates the containers, so these are warnings, never blocking.
    checkedWith: ['memory'],
    convert: (form, ctx) => {
      const converted = optionalScalar('memorySwap', 'Memory swap', form.memorySwap, parseMemory, ctx, (s) => s.memory_swap);
      if (converted.value === undefined) return converted;
      const memory = parseMemory(form.memory);
      if (form.memory.trim() === '') {
        converted.warnings.push(
          issue('memorySwap', 'Memory swap is the total of memory and swap: Docker refuses it without a Memory limit when it deploys'),
        );
      } else if (memory.ok && converted.value < memory.value) {
        converted.warnings.push(
          issue('memorySwap', 'Memory swap is the total of memory and swap: Docker refuses a value below Memory when it deploys'),
        );
      }
      return converted;
    },
    display: (value) => (value === undefined ? [] : [formatMemoryHuman(value)]),
  }),
  privileged: group('Privileged', '--privileged', 'security', ['privileged'], {
    kind: 'scalar',
    convert: (form, ctx) => {
      if (form.privileged === 'keep') return ctx.mode === 'create' ? valid(false) : none();
      return valid(form.privileged === 'on');
    },
    display: (value) => [value === undefined ? 'not known (the master does not return it)' : value ? 'on' : 'off'],
  }),
  cap_add: group('Cap add', '--cap-add', 'security', ['capAdd'], {
    kind: 'list',
    convert: (form, ctx) => listForMode(textRows('capAdd', form.capAdd, parseCapability), ctx),
    display: asList,
  }),
  cap_drop: group('Cap drop', '--cap-drop', 'security', ['capDrop'], {
    kind: 'list',
    convert: (form, ctx) => listForMode(textRows('capDrop', form.capDrop, parseCapability), ctx),
    display: asList,
  }),
  pid: group('Pid', '--pid', 'security', ['pid'], {
    kind: 'scalar',
    update: 'createOnly',
    convert: (form) => (form.pid ? valid('host') : none()),
    display: (value) => [value ?? 'the service’s own'],
  }),
  devices: group('Devices', null, 'security', ['devices', 'replaceDevices'], {
    kind: 'list',
    convert: (form, ctx) => {
      if (ctx.mode === 'update' && !form.replaceDevices) return none();
      return listForMode(textRows('devices', form.devices, checkedText(parseDevice)), ctx);
    },
    display: (value) =>
      value === undefined ? ['not known (the master does not return them)'] : value.length === 0 ? ['none'] : [...value],
  }),
  log_driver: group('Log driver', '--log-driver', 'logging', ['logDriver'], {
    kind: 'scalar',
    convert: (form, ctx) => optionalScalar('logDriver', 'Log driver', form.logDriver, notBlank('Log driver'), ctx, (s) => s.log_driver),
    display: asText,
  }),
  log_opts: group('Log opts', '--log-opt', 'logging', ['logOpts'], {
    kind: 'list',
    convert: (form, ctx) => {
      const converted = rows<KeyValueRow, [string, string]>('logOpts', form.logOpts, rowIsBlank.keyValue, (row, path) => {
        if (row.key.trim() === '') return invalid(`${path}.key`, 'Give the log option’s name, e.g. max-size');
        // key=value is split at the first '=': a name with one would silently become another name and value.
        if (row.key.includes('='))
          return invalid(`${path}.key`, `Invalid log option name ${shownValue(row.key.trim())}: a name cannot contain =`);
        const brokenKey = brokenTextError(row.key);
        if (brokenKey !== null) return invalid(`${path}.key`, brokenKey);
        if (row.value.trim() === '') return invalid(`${path}.value`, `Log option ${shownValue(row.key.trim())} needs a value`);
        return fromParse(`${path}.value`, parseLogOpt(`${row.key.trim()}=${row.value}`));
      });
      const warnings = [
        ...converted.warnings,
        ...duplicateKeyWarnings(
          'logOpts',
          form.logOpts.map((row) => row.key.trim()),
          'the last value wins',
        ),
      ];
      const value = converted.value === undefined ? undefined : Object.fromEntries(converted.value);
      if (ctx.mode === 'create' && value !== undefined && Object.keys(value).length === 0)
        return { ...converted, value: undefined, warnings };
      return { ...converted, value, warnings };
    },
    normalize: (value) =>
      Object.entries(value ?? {})
        .map(([key, v]) => `${key}=${v}`)
        .sort(),
    display: (value) => Object.entries(value ?? {}).map(([key, v]) => `${key}=${v}`),
  }),
  strategy: group('Deploy strategy', '--deploy-strategy', 'deploy', ['strategy'], {
    kind: 'scalar',
    convert: (form, ctx): Converted<Strategy> => (ctx.mode === 'create' && form.strategy === 'ha' ? none() : valid(form.strategy)),
    normalize: (value) => value ?? 'ha',
    display: (value) => [value ?? 'ha'],
  }),
  deploy_opts: group(
    'Deploy options',
    '--deploy-wait-for-port, --deploy-min-health, --deploy-interval',
    'deploy',
    ['deployWaitForPort', 'deployMinHealth', 'deployInterval'],
    {
      kind: 'list',
      convert: (form, ctx) => {
        const wait =
          form.deployWaitForPort.trim() === '' ? none<number>() : fromParse('deployWaitForPort', parseWaitForPort(form.deployWaitForPort));
        const health =
          form.deployMinHealth.trim() === '' ? none<number>() : fromParse('deployMinHealth', parseMinHealth(form.deployMinHealth));
        const interval = mapValue(fromParse('deployInterval', parseDeployInterval(form.deployInterval)), (v) => v ?? undefined);
        const errors = [...wait.errors, ...health.errors, ...interval.errors];
        const warnings = [...wait.warnings, ...health.warnings, ...interval.warnings];
        if (errors.length > 0) return { value: undefined, errors, warnings };
        const opts = {
          ...(wait.value !== undefined && { wait_for_port: wait.value }),
          ...(health.value !== undefined && { min_health: health.value }),
          ...(interval.value !== undefined && { interval: interval.value }),
        };
        // On update the object replaces the stored one whole; min_health is always said so
        // that "back to the defaults" is a body the CLI can write too.
        if (ctx.mode === 'update') return { value: { min_health: DEPLOY_DEFAULTS.min_health, ...opts }, errors, warnings };
        return { value: Object.keys(opts).length === 0 ? undefined : opts, errors, warnings };
      },
      normalize: (value) => ({
        wait_for_port: value?.wait_for_port ?? DEPLOY_DEFAULTS.wait_for_port,
        min_health: value?.min_health ?? DEPLOY_DEFAULTS.min_health,
        interval: value?.interval ?? DEPLOY_DEFAULTS.interval,
      }),
      display: (value) => [
        `wait for port: ${value?.wait_for_port ?? 'none'}`,
        `min health: ${value?.min_health ?? DEPLOY_DEFAULTS.min_health}`,
        `interval: ${value?.interval === undefined || value.interval === null ? 'none' : formatRelativeTime(value.interval)}`,
      ],
    },
  ),
  affinity: group('Affinity', '-a, --affinity', 'deploy', ['affinity'], {
    kind: 'list',
    convert: (form, ctx) =>
      listForMode(
        rows('affinity', form.affinity, rowIsBlank.affinity, (row, path) => {
          const text = row.subject === '' ? row.value.trim() : `${row.subject}${row.operator}${row.value.trim()}`;
          const parsed = parseAffinity(text);
          return parsed.ok ? valid(text) : invalid(`${path}.value`, parsed.error);
        }),
        ctx,
      ),
    display: asList,
  }),
  health_check: group('Health check', '--health-check-*', 'healthCheck', ['healthCheck'], {
    kind: 'list',
    convert: (form, ctx) => {
      const hc = form.healthCheck;
      if (hc.protocol === '') return ctx.mode === 'update' ? valid({ port: null, protocol: null }) : none();
      const port =
        hc.port.trim() === ''
          ? invalid<number | null>('healthCheck.port', `Give the port an ${hc.protocol} health check connects to`)
          : fromParse('healthCheck.port', parseHealthCheckPort(hc.port));
      const optionalField = <T>(path: string, raw: string, parse: (raw: string) => ParseResult<T>): Converted<T> =>
        raw.trim() === '' ? none() : fromParse(path, parse(raw));
      const uri = hc.protocol === 'http' ? optionalField('healthCheck.uri', hc.uri, parseHealthCheckUri) : none<string>();
      const timeout = optionalField('healthCheck.timeout', hc.timeout, parseHealthCheckTimeout);
      const interval = optionalField('healthCheck.interval', hc.interval, parseHealthCheckInterval);
      const initialDelay = optionalField('healthCheck.initialDelay', hc.initialDelay, parseHealthCheckInitialDelay);
      const parts = [port, uri, timeout, interval, initialDelay];
      const errors = parts.flatMap((p) => p.errors);
      const warnings = parts.flatMap((p) => p.warnings);
      if (errors.length > 0 || port.value === undefined) return { value: undefined, errors, warnings };
      const check = {
        port: port.value,
        protocol: hc.protocol,
        ...(uri.value !== undefined && { uri: uri.value }),
        ...(timeout.value !== undefined && { timeout: timeout.value }),
        ...(interval.value !== undefined && { interval: interval.value }),
        ...(initialDelay.value !== undefined && { initial_delay: initialDelay.value }),
      };
      const problem = healthCheckError(check);
      if (problem !== null)
        return {
          value: undefined,
          errors: [issue(problem.startsWith('Interval') ? 'healthCheck.interval' : 'healthCheck.port', problem)],
          warnings,
        };
      return { value: check, errors, warnings };
    },
    normalize: (value) =>
      value === undefined || value.protocol === null
        ? { protocol: null }
        : {
            protocol: value.protocol,
            port: value.port,
            uri: value.uri ?? HEALTH_CHECK_DEFAULTS.uri,
            timeout: value.timeout ?? HEALTH_CHECK_DEFAULTS.timeout,
            interval: value.interval ?? HEALTH_CHECK_DEFAULTS.interval,
            initial_delay: value.initial_delay ?? HEALTH_CHECK_DEFAULTS.initial_delay,
          },
    display: (value) =>
      value === undefined || value.protocol === null
        ? ['none']
        : [
            `protocol: ${value.protocol}`,
            `port: ${value.port ?? 'none'}`,
            ...(value.protocol === 'http' ? [`uri: ${value.uri ?? HEALTH_CHECK_DEFAULTS.uri}`] : []),
            `timeout: ${value.timeout ?? HEALTH_CHECK_DEFAULTS.timeout} s`,
            `interval: ${value.interval ?? HEALTH_CHECK_DEFAULTS.interval} s`,
            `initial delay: ${value.initial_delay ?? HEALTH_CHECK_DEFAULTS.initial_delay} s`,
          ],
  }),
  hooks: group('Post-start hooks', null, 'hooks', ['hooks'], {
    kind: 'list',
    convert: (form, ctx) => {
      const service = stored(ctx);
      const converted = rows('hooks', form.hooks, rowIsBlank.hook, (row, path) => {
        const name = fromParse(`${path}.name`, notBlank('Name')(row.name));
        const cmd = fromParse(`${path}.cmd`, notBlank('Cmd')(row.cmd));
        const known = service?.hooks.some((hook) => hook.name === row.name.trim()) === true;
        const instances =
          row.instances.trim() === '' && known
            ? invalid<string>(`${path}.instances`, 'The master does not return a hook’s instances: give them again (* for every instance)')
            : fromParse(`${path}.instances`, parseHookInstances(row.instances));
        const errors = [...name.errors, ...cmd.errors, ...instances.errors];
        if (errors.length > 0 || name.value === undefined || cmd.value === undefined || instances.value === undefined)
          return { value: undefined, errors, warnings: [] };
        return { value: { name: name.value, cmd: cmd.value, instances: instances.value, oneshot: row.oneshot }, errors, warnings: [] };
      });
      if (converted.value === undefined) return { ...converted, value: undefined };
      if (ctx.mode === 'create' && converted.value.length === 0) return { ...converted, value: undefined };
      return { ...converted, value: { post_start: converted.value } };
    },
    normalize: (value) => value?.post_start ?? [],
    display: (value) =>
      (value?.post_start ?? []).map(
        (hook) => `${hook.name}: ${hook.cmd} (instances ${hook.instances}${hook.oneshot === true ? ', once' : ''})`,
      ),
  }),
};

/** Body fields in the order of the form's sections (and of the CLI's help within them). */
export const BODY_KEYS: readonly BodyKey[] = [
  'name',
  'image',
  'instances',
  'cmd',
  'entrypoint',
  'user',
  'stateful',
  'ports',
  'net',
  'links',
  'volumes',
  'volumes_from',
  'env',
  'secrets',
  'cpu_shares',
  'memory',
  'memory_swap',
  'privileged',
  'cap_add',
  'cap_drop',
  'pid',
  'devices',
  'log_driver',
  'log_opts',
  'strategy',
  'deploy_opts',
  'affinity',
  'health_check',
  'hooks',
];

export function groupOf<K extends BodyKey>(key: K): OptionGroup<BodyValues[K]> {
  return OPTION_GROUPS[key];
}

/** Env compares by what the master would store: `K=` keeps K's value (docs/kontena-api.md §4.4). */
export function envAfterUpdate(current: readonly string[], next: readonly string[]): string[] {
  const applied = applyEnvUpdate(current, next);
  return applied.ok ? applied.value : [...next];
}

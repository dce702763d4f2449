/**
 * `kontena service create` / `kontena service update` command lines, both ways: render
 * the line that makes the master store what a request body asks for, and read a pasted
 * line into the body the CLI would send (docs/kontena-api.md §6).
 *
 * Bodies on both sides are in the normal form of options/canonical-body.ts. Where the
 * CLI puts numbers on the wire as strings (ports, `-c`, `--instances`, the health-check
 * fields) the parsed body holds integers, and the CLI's `container_count` is read as
 * `instances`: the master treats both forms alike.
 */
import { parseAffinity } from './options/affinity';
import { withoutUndefined } from './options/canonical-body';
import { parseCapability } from './options/capabilities';
import { formatCmd, parseCmd } from './options/cmd';
import {
  formatRelativeTime,
  parseDeployInterval,
  parseMinHealth,
  parseRelativeTimeCli,
  parseStrategy,
  parseWaitForPort,
} from './options/deploy';
import { envKey, parseEnv } from './options/env';
import {
  healthCheckError,
  parseHealthCheckInitialDelay,
  parseHealthCheckInterval,
  parseHealthCheckPort,
  parseHealthCheckProtocol,
  parseHealthCheckTimeout,
  parseHealthCheckUri,
} from './options/health-check';
import { parseImage } from './options/image';
import { formatLink, parseLink, parseLinkCli } from './options/links';
import { parseLogOpt, parseLogOptCli } from './options/log-opts';
import { formatMemory, parseMemory } from './options/memory';
import { parseGridName, parseServiceName, parseServiceRefArg } from './options/names';
import { parseNet, parsePid } from './options/network';
import { formatPort, parsePort, parsePortCli, portWithDefaults } from './options/ports';
import { parseCpuShares, parseInstances } from './options/resources';
import type { ParseResult } from './options/result';
import { formatSecret, parseSecret, parseSecretCli } from './options/secrets';
import type { HealthCheckBody, ServiceCommonBody, ServiceCreateBody, ServiceUpdateBody } from './options/service-body';
import { parseVolume, parseVolumesFrom, statefulVolumesFromError } from './options/volumes';
import { shellEscape, shellSplit } from './shellwords';

type CommandKind = 'create' | 'update';

/** A rendered command line and what it cannot say. */
export interface CommandLine {
  /** One line, every value shell-quoted where needed. */
  line: string;
  /**
   * Parts of the body the CLI has no way to send (no option, or a value its parsers
   * would read differently). The line leaves them out; each entry is a sentence
   * starting with the field name.
   */
  notExpressible: string[];
  /** Things the line does that the body alone does not say (e.g. update resets privileged). */
  warnings: string[];
}

interface Rendered {
  args: string[];
  notExpressible: string[];
  warnings: string[];
}

function option(out: Rendered, flag: string, value?: string): void {
  out.args.push(value === undefined ? flag : `${flag} ${shellEscape(value)}`);
}

function emptyListCannotBeSent(out: Rendered, field: string, flag: string): void {
  out.notExpressible.push(`${field}: the CLI cannot send an empty list (it sends ${field} only when ${flag} is given)`);
}

/** A list field: each item is rendered unless the CLI would read its text back differently. */
function renderList<T>(
  out: Rendered,
  kind: CommandKind,
  field: string,
  flag: string,
  items: readonly T[] | undefined,
  format: (item: T) => string,
  readsBack: (text: string, item: T) => boolean,
): void {
  if (items === undefined) return;
  if (items.length === 0) {
    if (kind === 'update') emptyListCannotBeSent(out, field, flag);
    return;
  }
  for (const item of items) {
    const text = format(item);
    if (readsBack(text, item)) option(out, flag, text);
    else out.notExpressible.push(`${field}: ${text} cannot be written as a ${flag} value`);
  }
}

const sameText = (text: string, item: string): boolean => text === item;

function renderMemory(out: Rendered, field: string, flag: string, bytes: number | undefined): void {
  if (bytes === undefined) return;
  const text = formatMemory(bytes);
  const back = parseMemory(text);
  if (back.ok && back.value === bytes) option(out, flag, text);
  else out.notExpressible.push(`${field}: ${bytes} has no ${flag} value (the CLI accepts only whole bytes, 0 or more)`);
}

function renderDeployOpts(out: Rendered, kind: CommandKind, body: ServiceCommonBody): void {
  const opts = body.deploy_opts;
  if (opts === undefined) return;
  const before = out.args.length;
  if (opts.wait_for_port === null) out.notExpressible.push('deploy_opts.wait_for_port: the CLI cannot send null');
  else if (opts.wait_for_port !== undefined) option(out, '--deploy-wait-for-port', String(opts.wait_for_port));
  if (opts.min_health === null) out.notExpressible.push('deploy_opts.min_health: the CLI cannot send null');
  else if (opts.min_health !== undefined) option(out, '--deploy-min-health', String(opts.min_health));
  if (opts.interval !== undefined) {
    const text = formatRelativeTime(opts.interval);
    if (parseRelativeTimeCli(text) === opts.interval) option(out, '--deploy-interval', text);
    else out.notExpressible.push(`deploy_opts.interval: ${String(opts.interval)} has no --deploy-interval value`);
  }
  const empty = Object.values(opts).every((value) => value === undefined);
  if (empty && kind === 'update' && out.args.length === before) {
    out.notExpressible.push(
      'deploy_opts: the CLI cannot send an empty object (it sends deploy_opts only when a --deploy-* option is given)',
    );
  }
}

function renderHealthCheck(out: Rendered, check: HealthCheckBody | undefined): void {
  if (check === undefined) return;
  option(out, '--health-check-port', check.port === null ? 'none' : String(check.port));
  option(out, '--health-check-protocol', check.protocol ?? 'none');
  if (check.uri !== undefined) option(out, '--health-check-uri', check.uri);
  if (check.timeout !== undefined) option(out, '--health-check-timeout', String(check.timeout));
  if (check.interval !== undefined) option(out, '--health-check-interval', String(check.interval));
  if (check.initial_delay !== undefined) option(out, '--health-check-initial-delay', String(check.initial_delay));
}

function imageWarning(out: Rendered, image: string): void {
  if (!image.includes(':')) out.warnings.push(`image: the CLI adds :latest to an image without a tag (${image} → ${image}:latest)`);
}

/** Everything after the subcommand and before the positional arguments, in the CLI's help order. */
function renderOptions(kind: CommandKind, body: ServiceCommonBody & { stateful?: boolean }): Rendered {
  const out: Rendered = { args: [], notExpressible: [], warnings: [] };
  renderList(out, kind, 'ports', '-p', body.ports, formatPort, (text, port) => {
    const back = parsePortCli(text);
    const want = portWithDefaults(port);
    return (
      back.ok &&
      back.value.ip === want.ip &&
      back.value.protocol === want.protocol &&
      back.value.node_port === String(want.node_port) &&
      back.value.container_port === String(want.container_port)
    );
  });
  renderList(out, kind, 'env', '-e', body.env, String, sameText);
  renderList(out, kind, 'links', '-l', body.links, formatLink, (text, link) => {
    const back = parseLinkCli(text);
    return back.ok && back.value.name === link.name && back.value.alias === link.alias;
  });
  if (kind === 'create') {
    renderList(out, kind, 'volumes', '-v', body.volumes, String, sameText);
    renderList(out, kind, 'volumes_from', '--volumes-from', body.volumes_from, String, sameText);
  } else {
    if (body.volumes !== undefined) out.notExpressible.push('volumes: kontena service update has no -v option');
    if (body.volumes_from !== undefined) out.notExpressible.push('volumes_from: kontena service update has no --volumes-from option');
  }
  renderList(out, kind, 'affinity', '-a', body.affinity, String, sameText);
  if (body.cpu_shares !== undefined) option(out, '-c', String(body.cpu_shares));
  renderMemory(out, 'memory', '-m', body.memory);
  renderMemory(out, 'memory_swap', '--memory-swap', body.memory_swap);
  if (body.cmd !== undefined) option(out, '--cmd', formatCmd(body.cmd));
  const instances = body.instances ?? body.container_count;
  if (instances !== undefined) option(out, '--instances', String(instances));
  if (body.user !== undefined) option(out, '-u', body.user);
  if (kind === 'create' && body.stateful === true) option(out, '--stateful');
  if (body.privileged === true) option(out, '--privileged');
  if (kind === 'update' && body.privileged === undefined) {
    out.warnings.push(
      'privileged: kontena service update always sends privileged, so this line also turns it off (add --privileged to keep it on)',
    );
  }
  renderList(out, kind, 'cap_add', '--cap-add', body.cap_add, String, sameText);
  renderList(out, kind, 'cap_drop', '--cap-drop', body.cap_drop, String, sameText);
  if (body.net !== undefined) option(out, '--net', body.net);
  if (body.log_driver !== undefined) option(out, '--log-driver', body.log_driver);
  if (body.log_opts !== undefined) {
    const entries = Object.entries(body.log_opts);
    if (entries.length === 0 && kind === 'update') {
      out.notExpressible.push('log_opts: the CLI cannot send an empty object (it sends log_opts only when --log-opt is given)');
    }
    for (const [key, value] of entries) {
      const text = `${key}=${value}`;
      const [backKey, backValue] = parseLogOptCli(text);
      if (backKey === key && backValue === value) option(out, '--log-opt', text);
      else
        out.notExpressible.push(
          `log_opts: ${text} cannot be written as a --log-opt value (the CLI keeps only the text between the first and second '=')`,
        );
    }
  }
  if (body.strategy !== undefined) option(out, '--deploy-strategy', body.strategy);
  renderDeployOpts(out, kind, body);
  if (body.pid !== undefined) {
    option(out, '--pid', body.pid);
    if (kind === 'update') out.warnings.push('pid: the master ignores pid on update');
  }
  renderList(out, kind, 'secrets', '--secret', body.secrets, formatSecret, (text, secret) => {
    const back = parseSecretCli(text);
    return back.secret === secret.secret && back.name === secret.name;
  });
  renderHealthCheck(out, body.health_check);
  if (body.entrypoint !== undefined) out.notExpressible.push('entrypoint: the CLI has no option for it');
  if (body.hooks !== undefined && (kind === 'update' || (body.hooks.post_start ?? []).length > 0)) {
    out.notExpressible.push('hooks: the CLI has no option for them');
  }
  if (body.devices !== undefined && (kind === 'update' || body.devices.length > 0)) {
    out.notExpressible.push('devices: the CLI has no option for them');
  }
  return out;
}

function assemble(subcommand: CommandKind, grid: string | undefined, rendered: Rendered, positional: string[]): CommandLine {
  const parts = ['kontena', 'service', subcommand];
  if (grid !== undefined) parts.push('--grid', shellEscape(grid));
  parts.push(...rendered.args, ...positional.map(shellEscape));
  return { line: parts.join(' '), notExpressible: rendered.notExpressible, warnings: rendered.warnings };
}

/** `kontena service create [--grid G] [options…] NAME IMAGE` for a create body. */
export function createCommandLine(body: ServiceCreateBody, grid?: string): CommandLine {
  const rendered = renderOptions('create', body);
  imageWarning(rendered, body.image);
  return assemble('create', grid, rendered, [body.name, body.image]);
}

/** `kontena service update [--grid G] [--image I] [options…] SERVICE` for an update body. */
export function updateCommandLine(serviceDisplayName: string, body: ServiceUpdateBody, grid?: string): CommandLine {
  const rendered = renderOptions('update', body);
  if (body.image !== undefined) {
    rendered.args.unshift(`--image ${shellEscape(body.image)}`);
    imageWarning(rendered, body.image);
  }
  return assemble('update', grid, rendered, [serviceDisplayName]);
}

// ---------------------------------------------------------------------------------------
// Reading a command line

type OptionKey =
  | 'grid'
  | 'image'
  | 'ports'
  | 'env'
  | 'link'
  | 'volume'
  | 'volumesFrom'
  | 'affinity'
  | 'cpuShares'
  | 'memory'
  | 'memorySwap'
  | 'cmd'
  | 'instances'
  | 'user'
  | 'stateful'
  | 'privileged'
  | 'capAdd'
  | 'capDrop'
  | 'net'
  | 'logDriver'
  | 'logOpt'
  | 'strategy'
  | 'waitForPort'
  | 'minHealth'
  | 'interval'
  | 'pid'
  | 'secret'
  | 'hcPort'
  | 'hcProtocol'
  | 'hcUri'
  | 'hcTimeout'
  | 'hcInterval'
  | 'hcInitialDelay';

interface OptionDef {
  switches: string[];
  key: OptionKey;
  flag?: true;
  multi?: true;
  only?: CommandKind;
}

/** The options of both commands (cli/lib/kontena/cli/services/{create,update}_command.rb). */
const OPTIONS: OptionDef[] = [
  { switches: ['--grid'], key: 'grid' },
  { switches: ['--image'], key: 'image', only: 'update' },
  { switches: ['-p', '--ports'], key: 'ports', multi: true },
  { switches: ['-e', '--env'], key: 'env', multi: true },
  { switches: ['-l', '--link'], key: 'link', multi: true },
  { switches: ['-v', '--volume'], key: 'volume', multi: true, only: 'create' },
  { switches: ['--volumes-from'], key: 'volumesFrom', multi: true, only: 'create' },
  { switches: ['-a', '--affinity'], key: 'affinity', multi: true },
  { switches: ['-c', '--cpu-shares'], key: 'cpuShares' },
  { switches: ['-m', '--memory'], key: 'memory' },
  { switches: ['--memory-swap'], key: 'memorySwap' },
  { switches: ['--cmd'], key: 'cmd' },
  { switches: ['--instances'], key: 'instances' },
  { switches: ['-u', '--user'], key: 'user' },
  { switches: ['--stateful'], key: 'stateful', flag: true, only: 'create' },
  { switches: ['--privileged'], key: 'privileged', flag: true },
  { switches: ['--cap-add'], key: 'capAdd', multi: true },
  { switches: ['--cap-drop'], key: 'capDrop', multi: true },
  { switches: ['--net'], key: 'net' },
  { switches: ['--log-driver'], key: 'logDriver' },
  { switches: ['--log-opt'], key: 'logOpt', multi: true },
  { switches: ['--deploy-strategy'], key: 'strategy' },
  { switches: ['--deploy-wait-for-port'], key: 'waitForPort' },
  { switches: ['--deploy-min-health'], key: 'minHealth' },
  { switches: ['--deploy-interval'], key: 'interval' },
  { switches: ['--pid'], key: 'pid' },
  { switches: ['--secret'], key: 'secret', multi: true },
  { switches: ['--health-check-port'], key: 'hcPort' },
  { switches: ['--health-check-protocol'], key: 'hcProtocol' },
  { switches: ['--health-check-uri'], key: 'hcUri' },
  { switches: ['--health-check-timeout'], key: 'hcTimeout' },
  { switches: ['--health-check-interval'], key: 'hcInterval' },
  { switches: ['--health-check-initial-delay'], key: 'hcInitialDelay' },
];

export type ParsedCommand =
  | { kind: 'create'; name: string; grid?: string; body: ServiceCreateBody; warnings: string[] }
  | { kind: 'update'; name: string; grid?: string; body: ServiceUpdateBody; warnings: string[] };

/** A value given to an option, with the switch as the user typed it (for messages). */
interface Given {
  switch: string;
  value: string;
}

/**
 * Bash's line continuation (a backslash before a newline, outside single quotes) is
 * removed, so a command copied from a terminal or a README splits like bash would.
 */
function joinContinuationLines(text: string): string {
  let result = '';
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (c === '\\' && !single) {
      const rest = text.slice(i + 1, i + 3);
      if (rest.startsWith('\n')) {
        i += 1;
        continue;
      }
      if (rest === '\r\n') {
        i += 2;
        continue;
      }
      result += c + (text[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    result += c;
  }
  return result;
}

interface Tokens {
  kind: CommandKind;
  given: Map<OptionKey, Given[]>;
  flags: Set<OptionKey>;
  positional: string[];
}

/** Clamp's option rules: `-pVALUE`, `--opt=VALUE`, `--` ends the options, the last single value wins. */
function readTokens(line: string): Tokens | { error: string } {
  const split = shellSplit(joinContinuationLines(line));
  if (!split.ok) return { error: split.error };
  const words = split.value;
  if (words[0] === '$') words.shift();
  if (words[0] === 'kontena') words.shift();
  const [group, subcommand, ...rest] = words;
  if ((group !== 'service' && group !== 'services') || (subcommand !== 'create' && subcommand !== 'update')) {
    return { error: 'Not a service command: the line must start with kontena service create or kontena service update' };
  }
  const kind: CommandKind = subcommand;
  const tokens: Tokens = { kind, given: new Map(), flags: new Set(), positional: [] };
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i] ?? '';
    if (optionsEnded || !word.startsWith('-')) {
      tokens.positional.push(word);
      continue;
    }
    if (word === '--') {
      optionsEnded = true;
      continue;
    }
    let switchName = word;
    let inline: string | undefined;
    const long = /^(--[^=]+)=([\s\S]*)$/.exec(word);
    const short = /^(-[A-Za-z0-9_])([\s\S]+)$/.exec(word);
    if (long !== null) [, switchName = word, inline] = long;
    else if (short !== null) [, switchName = word, inline] = short;
    const def = OPTIONS.find((o) => o.switches.includes(switchName) && (o.only === undefined || o.only === kind));
    if (def === undefined) return { error: `Unrecognised option '${switchName}'` };
    if (def.flag === true) {
      if (inline !== undefined) return { error: `option '${switchName}': takes no value` };
      tokens.flags.add(def.key);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      i += 1;
      value = rest[i];
    }
    if (value === undefined) return { error: `option '${switchName}': no value provided` };
    const previous = def.multi === true ? (tokens.given.get(def.key) ?? []) : [];
    tokens.given.set(def.key, [...previous, { switch: switchName, value }]);
  }
  return tokens;
}

/** Collects the values of one option through a parser; errors are prefixed with the switch. */
class BodyReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  constructor(private readonly tokens: Tokens) {}

  has(key: OptionKey): boolean {
    return this.tokens.given.has(key);
  }

  flag(key: OptionKey): boolean {
    return this.tokens.flags.has(key);
  }

  /** Every value of a multi option (empty when not given), each through `parse`. */
  all<T>(key: OptionKey, parse: (value: string) => ParseResult<T>): T[] {
    const values: T[] = [];
    for (const given of this.tokens.given.get(key) ?? []) {
      const parsed = this.check(given, parse(given.value));
      if (parsed !== undefined) values.push(parsed);
    }
    return values;
  }

  /** The last value of a single option, through `parse`; undefined when not given or invalid. */
  one<T>(key: OptionKey, parse: (value: string) => ParseResult<T>): T | undefined {
    const given = this.tokens.given.get(key)?.at(-1);
    return given === undefined ? undefined : this.check(given, parse(given.value));
  }

  raw(key: OptionKey): Given[] {
    return this.tokens.given.get(key) ?? [];
  }

  error(message: string): void {
    this.errors.push(message);
  }

  private check<T>(given: Given, parsed: ParseResult<T>): T | undefined {
    if (!parsed.ok) {
      this.errors.push(`${given.switch}: ${parsed.error}`);
      return undefined;
    }
    if (parsed.warning !== undefined) this.warnings.push(`${given.switch}: ${parsed.warning}`);
    return parsed.value;
  }
}

const notBlank =
  (label: string) =>
  (value: string): ParseResult<string> =>
    value.trim() === '' ? { ok: false, error: `${label} can't be blank` } : { ok: true, value };

/** The options both commands share, into `body`, following each command's sending rules. */
function readCommon(reader: BodyReader, kind: CommandKind, body: ServiceCommonBody): void {
  if (reader.has('ports')) body.ports = reader.all('ports', parsePort);
  if (reader.has('link')) body.links = reader.all('link', parseLink);
  if (reader.has('memory')) body.memory = reader.one('memory', parseMemory);
  if (reader.has('memorySwap')) body.memory_swap = reader.one('memorySwap', parseMemory);
  if (reader.has('cpuShares')) body.cpu_shares = reader.one('cpuShares', parseCpuShares);
  if (reader.has('affinity')) body.affinity = reader.all('affinity', (v) => mapValue(parseAffinity(v), () => v.trim()));
  if (reader.has('env')) {
    body.env = reader.all('env', (v) => mapValue(parseEnv(v), () => v));
    if (kind === 'update') {
      for (const entry of body.env.filter((e) => e.endsWith('=') && e.indexOf('=') === e.length - 1)) {
        reader.warnings.push(`-e ${entry}: on update an empty value keeps the current value of ${envKey(entry)}`);
      }
    }
  }
  if (kind === 'create' || reader.has('secret')) body.secrets = reader.all('secret', parseSecret);
  if (reader.has('instances')) body.instances = reader.one('instances', parseInstances);
  if (reader.has('cmd')) body.cmd = reader.one('cmd', parseCmd);
  if (reader.has('user')) body.user = reader.one('user', notBlank('User'));
  body.privileged = reader.flag('privileged');
  if (reader.has('capAdd')) body.cap_add = reader.all('capAdd', parseCapability);
  if (reader.has('capDrop')) body.cap_drop = reader.all('capDrop', parseCapability);
  if (reader.has('net')) body.net = reader.one('net', parseNet);
  if (reader.has('logDriver')) body.log_driver = reader.one('logDriver', notBlank('Log Driver'));
  if (kind === 'create' || reader.has('logOpt')) {
    const opts: Record<string, string> = {};
    for (const [key, value] of reader.all('logOpt', parseLogOpt)) {
      opts[key] = value;
      const cliValue = parseLogOptCli(`${key}=${value}`)[1];
      if (cliValue !== value) {
        // The dashboard follows the master, which stores any string: see log-opts.ts.
        reader.warnings.push(
          `--log-opt ${key}=${value}: the CLI itself would send ${cliValue === null ? 'no value' : `only '${cliValue}'`} for ${key}; this keeps '${value}'`,
        );
      }
    }
    body.log_opts = opts;
  }
  if (reader.has('strategy')) body.strategy = reader.one('strategy', parseStrategy);
  if (reader.has('waitForPort') || reader.has('minHealth') || reader.has('interval')) {
    body.deploy_opts = {};
    if (reader.has('waitForPort')) body.deploy_opts.wait_for_port = reader.one('waitForPort', parseWaitForPort);
    if (reader.has('minHealth')) body.deploy_opts.min_health = reader.one('minHealth', parseMinHealth);
    if (reader.has('interval')) body.deploy_opts.interval = reader.one('interval', parseDeployInterval);
  }
  if (reader.has('pid')) {
    body.pid = reader.one('pid', parsePid);
    if (kind === 'update') reader.warnings.push('--pid: the master ignores pid on update');
  }
  readHealthCheck(reader, body);
}

function mapValue<T, U>(parsed: ParseResult<T>, map: (value: T) => U): ParseResult<U> {
  return parsed.ok ? { ...parsed, value: map(parsed.value) } : parsed;
}

const HEALTH_CHECK_KEYS: OptionKey[] = ['hcPort', 'hcProtocol', 'hcUri', 'hcTimeout', 'hcInterval', 'hcInitialDelay'];

function readHealthCheck(reader: BodyReader, body: ServiceCommonBody): void {
  if (!HEALTH_CHECK_KEYS.some((key) => reader.has(key))) return;
  if (!reader.has('hcPort') || !reader.has('hcProtocol')) {
    reader.error(
      'Health check: give both --health-check-port and --health-check-protocol (use none for no value): the master requires both (Port is required, Protocol is required)',
    );
    return;
  }
  const port = reader.one('hcPort', parseHealthCheckPort);
  const protocol = reader.one('hcProtocol', parseHealthCheckProtocol);
  if (port === undefined || protocol === undefined) return;
  const check: HealthCheckBody = { port, protocol };
  if (reader.has('hcUri')) check.uri = reader.one('hcUri', parseHealthCheckUri);
  if (reader.has('hcTimeout')) check.timeout = reader.one('hcTimeout', parseHealthCheckTimeout);
  if (reader.has('hcInterval')) check.interval = reader.one('hcInterval', parseHealthCheckInterval);
  if (reader.has('hcInitialDelay')) check.initial_delay = reader.one('hcInitialDelay', parseHealthCheckInitialDelay);
  const problem = healthCheckError(check);
  if (problem !== null) reader.error(`Health check: ${problem}`);
  body.health_check = check;
}

/**
 * Reads a `kontena service create …` or `kontena service update …` line into the body
 * the CLI would send, applying its rules (§6): create always sends `stateful`,
 * `privileged` (false), `log_opts` ({}) and `secrets` ([]); update always sends
 * `privileged` (false unless `--privileged`); lists are sent only when their option is
 * given. Values are checked with the dashboard's parsers, which are stricter than the
 * CLI where the CLI would send something the master or Docker rejects; every problem
 * is reported, one per line. A leading `$` and bash line continuations are accepted,
 * and so are options after the positional arguments (Clamp itself would say "too many
 * arguments"; the meaning is not in doubt).
 *
 * One deliberate difference: `--log-opt a=b=c` keeps `b=c` (the master's reading),
 * where the CLI would send only `b`; a warning says so.
 */
export function parseCommandLine(line: string): ParsedCommand | { error: string } {
  const tokens = readTokens(line);
  if ('error' in tokens) return tokens;
  const reader = new BodyReader(tokens);
  const [first, second, ...extra] = tokens.positional;
  const grid = reader.one('grid', parseGridName);

  if (tokens.kind === 'create') {
    if (first === undefined) return { error: "parameter 'NAME': no value provided" };
    if (second === undefined) return { error: "parameter 'IMAGE': no value provided" };
    if (extra.length > 0) return { error: `too many arguments: ${extra.join(' ')}` };
    const name = parseServiceName(first);
    if (!name.ok) reader.error(`NAME: ${name.error}`);
    const image = parseImage(second);
    if (!image.ok) reader.error(`IMAGE: ${image.error}`);
    else if (image.warning !== undefined) reader.warnings.push(`IMAGE: ${image.warning}`);
    const body: ServiceCreateBody = { name: first, image: image.ok ? image.value : second, stateful: reader.flag('stateful') };
    if (reader.has('volume')) body.volumes = reader.all('volume', (v) => mapValue(parseVolume(v), () => v.trim()));
    if (reader.has('volumesFrom')) body.volumes_from = reader.all('volumesFrom', parseVolumesFrom);
    readCommon(reader, 'create', body);
    const conflict = statefulVolumesFromError(body.stateful, body.volumes_from ?? []);
    if (conflict !== null) reader.error(`--volumes-from: ${conflict}`);
    if (reader.errors.length > 0) return { error: reader.errors.join('\n') };
    return withoutUndefined({ kind: 'create', name: first, grid, body: withoutUndefined(body), warnings: reader.warnings });
  }

  if (first === undefined) return { error: "parameter 'NAME': no value provided" };
  if (second !== undefined) return { error: `too many arguments: ${[second, ...extra].join(' ')}` };
  const service = parseServiceRefArg(first);
  if (!service.ok) reader.error(`NAME: ${service.error}`);
  const body: ServiceUpdateBody = {};
  if (reader.has('image')) body.image = reader.one('image', parseImage);
  readCommon(reader, 'update', body);
  if (reader.errors.length > 0) return { error: reader.errors.join('\n') };
  return withoutUndefined({ kind: 'update', name: first, grid, body: withoutUndefined(body), warnings: reader.warnings });
}

/**
 * One compose-style service of a rendered stack file into the service hash the CLI's
 * `ServiceGeneratorV2` sends, after the checks of its `ValidatorV3` (a key it does not
 * know is an error; types as its schema says). Each conversion follows the CLI:
 * ports "[ip:]node:container[/protocol]" → {ip, container_port, node_port, protocol};
 * environment map → ["K=V"]; links and depends_on "name[:alias]" → {name, alias};
 * mem_limit "512m" → bytes; command → words (Ruby's Shellwords); deploy → strategy and
 * deploy_opts; health_check → all six keys, null when missing; logging → log_driver and
 * log_opts; network_mode → net.
 */
import { parseMemory } from '../options/memory';
import type { LinkBody, SecretBody, Strategy } from '../options/service-body';
import { shellSplit } from '../shellwords';
import { isRecord, pathText, problemAt, type LocatedYaml, type PathSegment, type StackFileProblem } from './problems';
import type { StackHookBody, StackPortBody, StackServiceBody } from './stack-body';

type Check = (value: unknown) => string | null;

const isString: Check = (value) => (typeof value === 'string' ? null : 'must be a text');
const isInteger: Check = (value) => (typeof value === 'number' && Number.isInteger(value) ? null : 'must be a whole number');
const isNumber: Check = (value) => (typeof value === 'number' ? null : 'must be a number');
const isBoolean: Check = (value) => (typeof value === 'boolean' ? null : 'must be true or false');
const isList: Check = (value) => (Array.isArray(value) ? null : 'must be a list');
const isStringList: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : 'must be a list of texts';
const isCondition: Check = (value) =>
  typeof value === 'string' || Array.isArray(value) || isRecord(value) ? null : 'must be a variable name, a list or a mapping';
const oneOf =
  (...choices: string[]): Check =>
  (value) =>
    typeof value === 'string' && choices.includes(value) ? null : `must be one of ${choices.join(', ')}`;

/** ValidatorV3's service schema; `build`, `env_file` and `extends` are handled before. */
const SERVICE_CHECKS: Record<string, Check> = {
  image: isString,
  stateful: isBoolean,
  affinity: (value) => {
    if (!Array.isArray(value)) return 'must be a list';
    const bad = value.filter((item) => typeof item !== 'string' || !/[!=]=/.test(item));
    return bad.length === 0 ? null : `has entries that are not name==value or name!=value: ${bad.map(String).join(', ')}`;
  },
  cap_add: isStringList,
  cap_drop: isStringList,
  command: isString,
  cpu_shares: isInteger,
  external_links: isList,
  mem_limit: (value) => (typeof value === 'string' ? null : 'must be a text such as "512m" (quote numbers)'),
  mem_swaplimit: isString,
  environment: (value) => (Array.isArray(value) || isRecord(value) ? null : 'must be a list of KEY=VALUE or a mapping'),
  instances: isInteger,
  links: (value) => (value === null || Array.isArray(value) ? null : 'must be a list'),
  ports: isList,
  pid: isString,
  privileged: isBoolean,
  user: isString,
  volumes: isStringList,
  volumes_from: isStringList,
  secrets: isList,
  hooks: (value) => (isRecord(value) ? null : 'must be a mapping'),
  only_if: isCondition,
  skip_if: isCondition,
  deploy: (value) => (isRecord(value) ? null : 'must be a mapping'),
  health_check: (value) => (isRecord(value) ? null : 'must be a mapping'),
  depends_on: isStringList,
  network_mode: oneOf('host', 'bridge'),
  logging: (value) => (isRecord(value) ? null : 'must be a mapping'),
};

const DEPLOY_CHECKS: Record<string, Check> = {
  strategy: oneOf('ha', 'daemon', 'random'),
  wait_for_port: isInteger,
  min_health: isNumber,
  interval: (value) =>
    typeof value === 'string' && /^\d+(min|h|d|)$/.test(value) ? null : 'must be a quoted text such as "30", "5min", "1h" or "1d"',
};

const HEALTH_CHECK_CHECKS: Record<string, Check> = {
  protocol: oneOf('http', 'tcp'),
  port: isInteger,
  uri: (value) => (typeof value === 'string' && /\/\S*/.test(value) ? null : 'must be a path such as /health'),
  timeout: isInteger,
  interval: isInteger,
  initial_delay: isInteger,
};

interface Context {
  yaml: LocatedYaml;
  problems: StackFileProblem[];
}

function report(context: Context, path: readonly PathSegment[], text: string): void {
  context.problems.push(problemAt(context.yaml, path, `${pathText(path)} ${text}`));
}

function checkKeys(
  context: Context,
  path: PathSegment[],
  config: Record<string, unknown>,
  checks: Record<string, Check>,
  required: string[] = [],
): void {
  for (const key of required) if (config[key] === undefined) report(context, path, `needs ${key}:`);
  for (const [key, value] of Object.entries(config)) {
    const check = checks[key];
    if (check === undefined) {
      report(context, [...path, key], 'is not a stack file option');
      continue;
    }
    const error = check(value);
    if (error !== null) report(context, [...path, key], error);
  }
}

/** The CLI's `parse_links`: "name[:alias]", split on every ':' (a third part is dropped). */
function links(context: Context, path: PathSegment[], raw: unknown): LinkBody[] {
  if (!Array.isArray(raw)) return [];
  const out: LinkBody[] = [];
  raw.forEach((item, index) => {
    const [name, alias] = typeof item === 'string' ? item.split(':') : [];
    if (name === undefined || name === '')
      report(context, [...path, index], `${JSON.stringify(item)} is not a link (write name or name:alias)`);
    else out.push({ name, alias: alias === undefined || alias === '' ? name : alias });
  });
  return out;
}

/** 1342 → "22:22": how the number was most likely written. */
function sexagesimal(value: number): string {
  const parts: number[] = [];
  let rest = Math.abs(value);
  do {
    parts.unshift(rest % 60);
    rest = Math.floor(rest / 60);
  } while (rest > 0);
  return parts.map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0'))).join(':');
}

/** The CLI's `parse_ports`: "[ip:]node_port:container_port[/protocol]". */
function ports(context: Context, path: PathSegment[], raw: unknown): StackPortBody[] {
  if (!Array.isArray(raw)) return [];
  const out: StackPortBody[] = [];
  raw.forEach((item, index) => {
    if (typeof item !== 'string') {
      const why =
        typeof item === 'number' ? ` (YAML 1.1 reads an unquoted ${sexagesimal(item)} as the base-60 number ${item}: quote it)` : '';
      report(context, [...path, index], `must be a quoted text such as "80:80" or "53:53/udp"${why}`);
      return;
    }
    const [port = '', protocol = 'tcp'] = item.split('/');
    const parts = port.split(':');
    const container = parts.at(-1);
    const node = parts.at(-2);
    const ip = parts.at(-3) ?? '0.0.0.0';
    if (container === undefined || node === undefined || !/^\d+$/.test(container) || !/^\d+$/.test(node)) {
      report(context, [...path, index], `${JSON.stringify(item)} is not a port mapping (write node_port:container_port, e.g. "8080:80")`);
      return;
    }
    out.push({ ip, container_port: Number.parseInt(container, 10), node_port: Number.parseInt(node, 10), protocol });
  });
  return out;
}

/** The CLI's `parse_relative_time`: "5min", "1h", "2d" or seconds; 0 means none. */
function relativeTime(text: string): number | null {
  const number = Number.parseInt(text, 10) || 0;
  const seconds = text.endsWith('min') ? number * 60 : text.endsWith('h') ? number * 3600 : text.endsWith('d') ? number * 86400 : number;
  return seconds === 0 ? null : seconds;
}

function hooks(context: Context, path: PathSegment[], raw: unknown): { post_start?: StackHookBody[] } {
  if (!isRecord(raw)) return {};
  const out: { post_start?: StackHookBody[] } = {};
  for (const key of Object.keys(raw))
    if (key !== 'post_start' && key !== 'pre_build') report(context, [...path, key], 'is not a hook (post_start)');
  const postStart = raw.post_start;
  if (postStart === undefined) return out;
  if (!Array.isArray(postStart)) {
    report(context, [...path, 'post_start'], 'must be a list');
    return out;
  }
  out.post_start = [];
  postStart.forEach((hook, index) => {
    const at = [...path, 'post_start', index];
    if (!isRecord(hook) || typeof hook.name !== 'string' || typeof hook.cmd !== 'string') {
      report(context, at, 'needs name: and cmd: texts');
      return;
    }
    const instances = hook.instances;
    if (!((typeof instances === 'number' && Number.isInteger(instances)) || instances === '*')) {
      report(context, at, 'needs instances: an instance number or "*"');
      return;
    }
    if (hook.oneshot !== undefined && typeof hook.oneshot !== 'boolean') {
      report(context, [...at, 'oneshot'], 'must be true or false');
      return;
    }
    const body: StackHookBody = { name: hook.name, cmd: hook.cmd, instances };
    if (hook.oneshot !== undefined) body.oneshot = hook.oneshot;
    out.post_start?.push(body);
  });
  return out;
}

function secrets(context: Context, path: PathSegment[], raw: unknown): SecretBody[] {
  if (!Array.isArray(raw)) return [];
  const out: SecretBody[] = [];
  raw.forEach((secret, index) => {
    if (isRecord(secret) && typeof secret.secret === 'string' && typeof secret.name === 'string' && typeof secret.type === 'string') {
      out.push({ secret: secret.secret, name: secret.name, type: secret.type });
    } else report(context, [...path, index], 'needs secret:, name: and type: texts');
  });
  return out;
}

function memory(context: Context, path: PathSegment[], raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const parsed = parseMemory(raw);
  if (parsed.ok) return parsed.value;
  report(context, path, `must be a number with an optional unit k, m or g (e.g. 512m or 1g), not ${JSON.stringify(raw)}`);
  return undefined;
}

function volumeChecks(context: Context, path: PathSegment[], volumes: unknown, stackVolumes: unknown): void {
  if (!Array.isArray(volumes)) return;
  const mountPoints = new Map<string, number>();
  volumes.forEach((volume, index) => {
    if (typeof volume !== 'string') return;
    const mountPoint = volume.split(':').at(-1) ?? volume;
    mountPoints.set(mountPoint, (mountPoints.get(mountPoint) ?? 0) + 1);
    const colon = volume.indexOf(':');
    const volumeName = colon === -1 ? '' : volume.slice(0, colon);
    // Named volumes must be stack volumes (the master fails with 500 otherwise); bind mounts need nothing.
    if (volumeName === '' || volumeName.startsWith('/')) return;
    if (!isRecord(stackVolumes)) {
      report(context, [...path, index], `names the volume ${volumeName}, but the file has no top-level volumes:`);
    } else if (stackVolumes[volumeName] === undefined) {
      report(context, [...path, index], `names the volume ${volumeName}, which is not in the top-level volumes:`);
    }
  });
  for (const [mountPoint, count] of mountPoints)
    if (count > 1) report(context, path, `mount point ${mountPoint} is defined ${count} times`);
}

/** The service hash, or nothing when a problem was reported. */
export function generateService(
  yaml: LocatedYaml,
  name: string,
  config: Record<string, unknown>,
  stackVolumes: unknown,
): { service: StackServiceBody | null; problems: StackFileProblem[]; warnings: StackFileProblem[] } {
  const context: Context = { yaml, problems: [] };
  const warnings: StackFileProblem[] = [];
  const path = ['services', name];
  checkKeys(context, path, config, SERVICE_CHECKS);
  if (isRecord(config.deploy)) checkKeys(context, [...path, 'deploy'], config.deploy, DEPLOY_CHECKS);
  if (isRecord(config.health_check))
    checkKeys(context, [...path, 'health_check'], config.health_check, HEALTH_CHECK_CHECKS, ['protocol', 'port']);
  if (isRecord(config.logging)) {
    checkKeys(context, [...path, 'logging'], config.logging, {
      driver: isString,
      options: (value) => (isRecord(value) ? null : 'must be a mapping'),
    });
  }
  if (typeof config.image !== 'string' || config.image === '') report(context, path, 'needs image:');
  if (config.mem_swaplimit !== undefined) {
    warnings.push(
      problemAt(
        yaml,
        [...path, 'mem_swaplimit'],
        `${pathText([...path, 'mem_swaplimit'])} is ignored by the CLI (it reads memswap_limit, which its validator refuses)`,
      ),
    );
  }
  volumeChecks(context, [...path, 'volumes'], config.volumes, stackVolumes);

  const image = typeof config.image === 'string' ? config.image : '';
  const deploy = isRecord(config.deploy) ? config.deploy : {};
  const check = isRecord(config.health_check) ? config.health_check : {};
  const logging = isRecord(config.logging) ? config.logging : {};
  const environment = config.environment;
  const env = Array.isArray(environment)
    ? environment.map(String)
    : isRecord(environment)
      ? Object.entries(environment).map(([key, value]) => `${key}=${value === null || value === undefined ? '' : String(value)}`)
      : undefined;
  // depends_on adds links named like the service (the CLI's V2 generator), without repeats.
  const allLinks = [...links(context, [...path, 'links'], config.links), ...links(context, [...path, 'depends_on'], config.depends_on)];
  const uniqueLinks = allLinks.filter(
    (link, index) => allLinks.findIndex((other) => other.name === link.name && other.alias === link.alias) === index,
  );
  const bytes = memory(context, [...path, 'mem_limit'], config.mem_limit);
  let cmd: string[] | undefined;
  if (typeof config.command === 'string') {
    const words = shellSplit(config.command);
    if (words.ok) cmd = words.value;
    else report(context, [...path, 'command'], `cannot be split into words: ${words.error}`);
  }
  const strategy = deploy.strategy;
  const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
  const portList = ports(context, [...path, 'ports'], config.ports);
  const externalLinks = links(context, [...path, 'external_links'], config.external_links);
  const hookBody = hooks(context, [...path, 'hooks'], config.hooks);
  const secretList = config.secrets === undefined ? undefined : secrets(context, [...path, 'secrets'], config.secrets);
  if (context.problems.length > 0) return { service: null, problems: context.problems, warnings };

  // Keys in the order the CLI writes them (the master does not care; people reading the body do).
  const service: StackServiceBody = {
    instances: typeof config.instances === 'number' ? config.instances : null,
    // The CLI's parse_image adds :latest to an image without a tag.
    image: image.includes(':') ? image : `${image}:latest`,
    ...(env === undefined ? {} : { env }),
    links: uniqueLinks,
    external_links: externalLinks,
    ports: portList,
    ...(bytes === undefined ? {} : { memory: bytes }),
    ...(typeof config.cpu_shares === 'number' ? { cpu_shares: config.cpu_shares } : {}),
    volumes: Array.isArray(config.volumes) ? config.volumes.map(String) : [],
    volumes_from: Array.isArray(config.volumes_from) ? config.volumes_from.map(String) : [],
    ...(cmd === undefined ? {} : { cmd }),
    affinity: Array.isArray(config.affinity) ? config.affinity.map(String) : [],
    ...(typeof config.user === 'string' ? { user: config.user } : {}),
    stateful: config.stateful === true,
    ...(typeof config.privileged === 'boolean' ? { privileged: config.privileged } : {}),
    ...(Array.isArray(config.cap_add) ? { cap_add: config.cap_add.map(String) } : {}),
    ...(Array.isArray(config.cap_drop) ? { cap_drop: config.cap_drop.map(String) } : {}),
    ...(typeof config.pid === 'string' ? { pid: config.pid } : {}),
    ...(strategy === 'ha' || strategy === 'daemon' || strategy === 'random' ? { strategy: strategy satisfies Strategy } : {}),
    deploy_opts: {
      wait_for_port: numberOrNull(deploy.wait_for_port),
      min_health: numberOrNull(deploy.min_health),
      interval: typeof deploy.interval === 'string' ? relativeTime(deploy.interval) : null,
    },
    hooks: hookBody,
    ...(secretList === undefined ? {} : { secrets: secretList }),
    health_check: {
      port: numberOrNull(check.port),
      protocol: stringOrNull(check.protocol),
      uri: stringOrNull(check.uri),
      timeout: numberOrNull(check.timeout),
      interval: numberOrNull(check.interval),
      initial_delay: numberOrNull(check.initial_delay),
    },
    ...(typeof config.network_mode === 'string' ? { net: config.network_mode } : {}),
    log_driver: stringOrNull(logging.driver),
    log_opts: isRecord(logging.options)
      ? Object.fromEntries(Object.entries(logging.options).map(([key, value]) => [key, String(value)]))
      : null,
    name,
  };
  return { service, problems: [], warnings };
}

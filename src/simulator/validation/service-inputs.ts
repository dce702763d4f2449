/**
 * Input declarations of GridServices::Create / Update (docs/kontena-api.md §5) and their
 * custom checks, which run only once every type check has passed (§3.1).
 */
import { findService } from '../model/store';
import type { GridRecord, LinkRecord, ServiceRecord, StackRecord, Strategy } from '../model/types';
import { array, boolean, float, hash, integer, model, runHash, string, type ErrorMap, type Filter } from './filters';

export const NAME_PATTERN = /^(?!-)(\w|-)+$/;
const STRATEGIES = ['ha', 'daemon', 'random'] as const;

export function isStrategy(s: string): s is Strategy {
  return (STRATEGIES as readonly string[]).includes(s);
}

const common: Record<string, Filter> = {
  instances: integer(),
  container_count: integer(),
  strategy: string(),
  user: string(),
  cmd: array(string()),
  env: array(string()),
  secrets: array(hash({ required: { secret: string(), name: string() }, optional: { type: string() } })),
  ports: array(
    hash({
      // The master declares ip and protocol required with a default: missing → default, null → "can't be nil".
      required: {
        node_port: integer(),
        container_port: integer(),
        protocol: string({ default: 'tcp' }),
        ip: string({ default: '0.0.0.0' }),
      },
    }),
  ),
  links: array(hash({ required: { name: string(), alias: string() } })),
  affinity: array(string()),
  deploy_opts: hash({
    optional: { wait_for_port: integer({ nils: true }), min_health: float({ nils: true }), interval: integer({ nils: true }) },
  }),
  volumes: array(string()),
  volumes_from: array(string()),
  cpu_shares: integer({ min: 0, max: 1024 }),
  memory: integer(),
  memory_swap: integer(),
  privileged: boolean(),
  cap_add: array(string()),
  cap_drop: array(string()),
  net: string({ matches: /^(bridge|host|container:.+)$/ }),
  log_driver: string(),
  log_opts: hash({ optional: { '*': string() } }),
  devices: array(string()),
  hooks: hash({
    optional: {
      post_start: array(
        hash({
          required: { name: string(), cmd: string(), instances: string() },
          optional: { oneshot: boolean({ default: false }) },
        }),
      ),
    },
  }),
  health_check: hash({
    required: { port: integer({ nils: true }), protocol: string({ nils: true, matches: /^(http|tcp)$/ }) },
    optional: { uri: string(), timeout: integer(), interval: integer(), initial_delay: integer() },
  }),
  grid: model(),
  stack: model(),
};

const createSpec = {
  required: { image: string(), name: string({ matches: NAME_PATTERN }), stateful: boolean() },
  optional: { ...common, entrypoint: string(), pid: string({ matches: /^(host)$/ }) },
};

const updateSpec = {
  optional: { image: string(), ...common },
};

/** The inputs after the type filters: every present key has the declared, coerced type. */
export interface ServiceInput {
  image?: string;
  name?: string;
  stateful?: boolean;
  instances?: number;
  container_count?: number;
  strategy?: string;
  user?: string;
  cmd?: string[];
  entrypoint?: string;
  env?: string[];
  secrets?: { secret: string; name: string; type?: string }[];
  ports?: { node_port: number; container_port: number; protocol: string; ip: string }[];
  links?: { name: string; alias: string }[];
  affinity?: string[];
  deploy_opts?: { wait_for_port?: number | null; min_health?: number | null; interval?: number | null };
  volumes?: string[];
  volumes_from?: string[];
  cpu_shares?: number;
  memory?: number;
  memory_swap?: number;
  privileged?: boolean;
  cap_add?: string[];
  cap_drop?: string[];
  net?: string;
  log_driver?: string;
  log_opts?: Record<string, string>;
  devices?: string[];
  pid?: string;
  hooks?: { post_start?: { name: string; cmd: string; instances: string; oneshot: boolean }[] };
  health_check?: {
    port: number | null;
    protocol: 'http' | 'tcp' | null;
    uri?: string;
    timeout?: number;
    interval?: number;
    initial_delay?: number;
  };
}

type InputResult = { ok: true; input: ServiceInput } | { ok: false; errors: ErrorMap };

function typeCheck(
  spec: { required?: Record<string, Filter>; optional?: Record<string, Filter> },
  body: Record<string, unknown>,
): InputResult {
  const result = runHash(spec, body, true);
  if (result.errors) return { ok: false, errors: result.errors };
  // The filters above guarantee each present key has the ServiceInput type.
  return { ok: true, input: result.value as ServiceInput };
}

interface CheckContext {
  grid: GridRecord;
  /** The stack bare link names resolve in: the service's own stack. */
  stack: StackRecord;
  /** Present for an update: the stored service. */
  existing: ServiceRecord | null;
}

type CheckedInput = { ok: true; input: ServiceInput; links: LinkRecord[] | null } | { ok: false; errors: ErrorMap };

export function checkCreate(body: Record<string, unknown>, ctx: CheckContext): CheckedInput {
  const typed = typeCheck(createSpec, body);
  if (!typed.ok) return typed;
  return customChecks(typed.input, ctx, typed.input.stateful ?? false);
}

export function checkUpdate(body: Record<string, unknown>, ctx: CheckContext & { existing: ServiceRecord }): CheckedInput {
  const typed = typeCheck(updateSpec, body);
  if (!typed.ok) return typed;
  return customChecks(typed.input, ctx, ctx.existing.stateful);
}

/** Volume forms the master accepts: "/path", "/host:/path[:flags]", "name:/path[:flags]". */
function volumeFormatOk(v: string): boolean {
  const parts = v.split(':');
  const first = parts[0] ?? '';
  if (parts.length === 1) return first.startsWith('/');
  const target = parts[1] ?? '';
  if (!target.startsWith('/')) return false;
  return first.startsWith('/') || /^[\w][\w.-]*$/.test(first);
}

function customChecks(input: ServiceInput, ctx: CheckContext, stateful: boolean): CheckedInput {
  const errors: ErrorMap = {};
  if (input.strategy !== undefined && !isStrategy(input.strategy)) {
    errors.strategy = 'Strategy not supported';
  }
  let links: LinkRecord[] | null = null;
  if (input.links) {
    links = [];
    for (const link of input.links) {
      let stack: StackRecord | undefined = ctx.stack;
      let serviceName = link.name;
      if (link.name.includes('/')) {
        const [stackName = '', name = ''] = link.name.split('/');
        stack = ctx.grid.stacks.get(stackName);
        serviceName = name;
        if (!stack) {
          errors.links = `Link ${link.name} points to non-existing stack`;
          continue;
        }
      }
      const target = findService(ctx.grid, stack.name, serviceName);
      if (!target) {
        errors.links = `Service ${stack.name}/${serviceName} does not exist`;
        continue;
      }
      links.push({ target, alias: link.alias });
    }
  }
  if (input.secrets) {
    for (const s of input.secrets) {
      if (!ctx.grid.secrets.has(s.secret)) errors.secrets = `Secret ${s.secret} does not exist`;
    }
  }
  if (input.volumes) {
    for (const v of input.volumes) {
      if (!volumeFormatOk(v)) errors.volumes = `Volume definition '${v}' not in right format`;
      else if (ctx.existing && stateful && !v.includes(':') && !ctx.existing.volumes.includes(v)) {
        errors.volumes = 'Adding a non-named volume is not supported to a stateful service';
      }
    }
  }
  if (input.health_check) {
    const timeout = input.health_check.timeout ?? 10;
    const interval = input.health_check.interval ?? 60;
    if (interval < timeout) errors.health_check = 'Interval has to be bigger than timeout';
  }
  if (stateful && input.volumes_from && input.volumes_from.length > 0) {
    errors.volumes_from = 'Cannot combine stateful & volumes_from';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input, links };
}

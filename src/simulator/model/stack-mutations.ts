/**
 * Stacks::Create / Update / Deploy (docs/kontena-api-grid.md G3.3–G3.5): the stack body's
 * own inputs and checks, then every service checked by the service rules of
 * validation/service-inputs.ts (create rules for new services, update rules for existing
 * ones), its errors nested under `services.<name>.<field>`. Nothing is stored until the
 * whole body has passed; the execute half reuses model/service-mutations.ts.
 */
import { buildCreateConfig, applyUpdate } from './service-mutations';
import { addService, addStack, NULL_STACK, type Store } from './store';
import type { GridRecord, LinkRecord, ServiceRecord, StackRecord, StackRevisionRecord } from './types';
import { array, hash, isPlainObject, runHash, string, stringValue, type ErrorMap, type Filter } from '../validation/filters';
import { checkCreate, checkUpdate, NAME_PATTERN, type ServiceInput } from '../validation/service-inputs';

/** Accepts any value: the raw service and volume hashes are kept as they were sent. */
const anything: Filter = { run: (value) => ({ ok: true, value }), hasDefault: false };
const anyObject = hash({ optional: { '*': anything } });

const common = { stack: string(), version: string(), source: string(), services: array(anyObject) };
const optional = { expose: string(), registry: string(), variables: anyObject, volumes: array(anyObject) };
const createSpec = { required: { name: string({ matches: NAME_PATTERN }), ...common }, optional };
// The update ignores `name` (a stack cannot be renamed).
const updateSpec = { required: common, optional };

/** The stack body after the type filters. */
interface StackBody {
  name: string;
  registryName: string;
  version: string;
  source: string;
  registry: string | null;
  expose: string | null;
  variables: Record<string, unknown> | null;
  services: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: ErrorMap };

function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isPlainObject) : [];
}

export function parseStackBody(body: Record<string, unknown>, mode: 'create' | 'update'): Checked<StackBody> {
  const result = runHash(mode === 'create' ? createSpec : updateSpec, body, true);
  if (result.errors) return { ok: false, errors: result.errors };
  const v = result.value;
  return {
    ok: true,
    value: {
      name: mode === 'create' ? stringValue(v.name) : '',
      registryName: stringValue(v.stack),
      version: stringValue(v.version),
      source: stringValue(v.source),
      registry: typeof v.registry === 'string' ? v.registry : null,
      expose: typeof v.expose === 'string' ? v.expose : null,
      variables: isPlainObject(v.variables) ? v.variables : null,
      services: objects(v.services),
      volumes: objects(v.volumes),
    },
  };
}

/** A service of the body, checked and ready to be stored. */
interface PreparedService {
  name: string;
  input: ServiceInput;
  /** Links to other stacks (`S/N`), resolved; null when the body has no `links`. */
  links: LinkRecord[] | null;
  /** Links inside the stack (no `/`), resolved once the services exist. */
  internal: { name: string; alias: string }[];
  existing: ServiceRecord | null;
}

function serviceName(raw: Record<string, unknown>): string {
  return typeof raw.name === 'string' ? raw.name.trim() : String(raw.name ?? '');
}

function internalLinks(raw: Record<string, unknown>): { name: string; alias: string }[] {
  if (!Array.isArray(raw.links)) return [];
  const out: { name: string; alias: string }[] = [];
  for (const l of raw.links) {
    if (isPlainObject(l) && typeof l.name === 'string' && !l.name.includes('/')) {
      out.push({ name: l.name, alias: typeof l.alias === 'string' ? l.alias : l.name });
    }
  }
  return out;
}

/** Linked-to services first (Stacks::SortHelper); a cycle is broken where it is found. */
export function sortByLinks<T>(items: T[], nameOf: (item: T) => string, depsOf: (item: T) => string[]): T[] {
  const byName = new Map(items.map((i) => [nameOf(i), i]));
  const out: T[] = [];
  const seen = new Set<T>();
  const visit = (item: T): void => {
    if (seen.has(item)) return;
    seen.add(item);
    for (const dep of depsOf(item)) {
      const target = byName.get(dep);
      if (target !== undefined) visit(target);
    }
    out.push(item);
  };
  items.forEach(visit);
  return out;
}

function sortRaw(services: Record<string, unknown>[]): Record<string, unknown>[] {
  return sortByLinks(services, serviceName, (raw) => internalLinks(raw).map((l) => l.name));
}

/**
 * Checks every service of the body; `stack` is the stored stack of an update or deploy
 * (its services get the update rules), null for a create.
 */
function prepareServices(grid: GridRecord, stack: StackRecord | null, services: Record<string, unknown>[]): Checked<PreparedService[]> {
  const nullStack = grid.stacks.get(NULL_STACK);
  if (!nullStack) throw new Error('grid without a null stack');
  const names = new Set(services.map(serviceName));
  const errors: Record<string, ErrorMap> = {};
  const prepared: PreparedService[] = [];
  for (const raw of sortRaw(services)) {
    const name = serviceName(raw);
    const internal = internalLinks(raw);
    // Bare link names are checked against the body, so the service checks see only S/N links.
    const body = Array.isArray(raw.links)
      ? { ...raw, links: raw.links.filter((l: unknown) => !(isPlainObject(l) && typeof l.name === 'string' && !l.name.includes('/'))) }
      : raw;
    const existing = stack?.services.get(name) ?? null;
    const checked = existing
      ? checkUpdate(body, { grid, stack: existing.stack, existing })
      : checkCreate(body, { grid, stack: stack ?? nullStack, existing: null });
    const own: ErrorMap = checked.ok ? {} : { ...checked.errors };
    for (const link of internal) {
      if (link.name === name || !names.has(link.name)) own.links = `Linked service '${link.name}' does not exist`;
    }
    if (Object.keys(own).length > 0) {
      // docs/kontena-api-grid.md G3.3 (quirk): a nested error cannot be re-added under a dotted key.
      if (Object.values(own).some((e) => typeof e !== 'string')) throw new Error(`nested error in service ${name}`);
      errors[name] = own;
      continue;
    }
    if (!checked.ok) continue;
    prepared.push({ name, input: checked.input, links: checked.links, internal, existing });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: { services: errors } };
  return { ok: true, value: prepared };
}

/** Steps 3–6 of G3.3 (G3.4 without `expose`): everything but the type filters and the name. */
export function checkStackBody(grid: GridRecord, stack: StackRecord | null, body: StackBody): Checked<PreparedService[]> {
  if (body.services.length === 0) return { ok: false, errors: { services: 'stack does not specify any services' } };
  const errors: ErrorMap = {};
  if (stack === null && body.expose !== null && !body.services.some((s) => serviceName(s) === body.expose)) {
    errors.expose = `${body.expose} is not defined in the services array`;
  }
  for (const volume of body.volumes) {
    if (typeof volume.external !== 'string' || volume.external === '') errors.volumes = 'Only external volumes supported';
    else if (!grid.volumes.has(volume.external)) errors.volumes = `External volume ${volume.external} not found`;
  }
  const services = prepareServices(grid, stack, body.services);
  if (!services.ok) Object.assign(errors, services.errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return services;
}

/** `name:/path` of a stack volume → `<external>:/path`; an undeclared name raises (G3.3 quirk → 500). */
function mapVolumes(volumes: string[] | undefined, stackVolumes: Record<string, unknown>[]): string[] | undefined {
  if (volumes === undefined) return undefined;
  return volumes.map((v) => {
    const [first = '', ...rest] = v.split(':');
    if (rest.length === 0 || first.startsWith('/')) return v;
    const declared = stackVolumes.find((sv) => sv.name === first);
    if (!declared || typeof declared.external !== 'string') throw new Error(`volume ${first} is not declared in the stack`);
    return [declared.external, ...rest].join(':');
  });
}

function linksOf(stack: StackRecord, p: PreparedService): LinkRecord[] | null {
  if (p.links === null && p.internal.length === 0) return null;
  const internal = p.internal.flatMap((l) => {
    const target = stack.services.get(l.name);
    return target ? [{ target, alias: l.alias }] : [];
  });
  return [...(p.links ?? []), ...internal];
}

/** Creates the new services of `prepared` in order; a duplicate name answers 422 (after the stack is saved: G3.3 quirk). */
function createServices(
  store: Store,
  stack: StackRecord,
  prepared: PreparedService[],
  volumes: Record<string, unknown>[],
): ErrorMap | null {
  for (const p of prepared) {
    if (p.existing) continue;
    if (stack.services.has(p.name)) return { services: { [p.name]: { name: 'is already taken' } } };
    const input = { ...p.input, volumes: mapVolumes(p.input.volumes, volumes) };
    const config = buildCreateConfig(store, input, linksOf(stack, p));
    const service = addService(store, { grid: stack.grid, stack, name: p.name, stateful: p.input.stateful ?? false, config });
    service.stackRevision = null;
  }
  return null;
}

function revisionOf(body: StackBody, number: number, createdAt: number): StackRevisionRecord {
  return {
    number,
    createdAt,
    registryName: body.registryName,
    registry: body.registry,
    version: body.version,
    expose: body.expose,
    source: body.source,
    variables: body.variables,
    services: body.services,
    volumes: body.volumes,
  };
}

function showRevision(stack: StackRecord, rev: StackRevisionRecord): void {
  stack.registryName = rev.registryName;
  stack.registry = rev.registry;
  stack.version = rev.version;
  stack.revision = rev.number;
  stack.expose = rev.expose;
  stack.source = rev.source;
  stack.variables = rev.variables;
}

/** G3.3 execution: the stack, revision 1, then the services (initialized, nothing deployed). */
export function createStack(
  store: Store,
  grid: GridRecord,
  body: StackBody,
  prepared: PreparedService[],
): { stack: StackRecord; errors: ErrorMap | null } {
  const at = store.now();
  const stack = addStack(store, grid, { name: body.name, createdAt: at });
  const rev = revisionOf(body, 1, at);
  stack.revisions.push(rev);
  showRevision(stack, rev);
  return { stack, errors: createServices(store, stack, prepared, body.volumes) };
}

function revisionKey(r: Omit<StackRevisionRecord, 'number' | 'createdAt'>): string {
  return JSON.stringify([r.registryName, r.expose, r.source, r.variables, r.version, r.registry, r.services, r.volumes]);
}

/**
 * G3.4 execution: a new revision only when something changed, whose `created_at` is the
 * previous one's (the Mongoid dup quirk); new services are created at once, the others
 * wait for the deploy.
 */
export function updateStack(store: Store, stack: StackRecord, body: StackBody, prepared: PreparedService[]): ErrorMap | null {
  const latest = stack.revisions.at(-1);
  const next = revisionOf(body, (latest?.number ?? 0) + 1, latest?.createdAt ?? store.now());
  if (latest && revisionKey(latest) === revisionKey(next)) return null;
  stack.revisions.push(next);
  showRevision(stack, next);
  return createServices(store, stack, prepared, body.volumes);
}

/**
 * The synchronous half of Stacks::Deploy (G3.5): every service of the latest revision
 * updated or created, stamped with the revision. Returns the services in deploy order
 * and those the worker will destroy.
 */
export function applyLatestRevision(
  store: Store,
  stack: StackRecord,
): { ok: true; order: ServiceRecord[]; dropped: ServiceRecord[] } | { ok: false; errors: ErrorMap } {
  const rev = stack.revisions.at(-1);
  if (!rev) return { ok: false, errors: { stack: 'Stack does not have any deployable revisions' } };
  const checked = prepareServices(stack.grid, stack, rev.services);
  if (!checked.ok) return checked;
  const created = createServices(store, stack, checked.value, rev.volumes);
  if (created) return { ok: false, errors: created };
  const order: ServiceRecord[] = [];
  for (const p of checked.value) {
    const service = stack.services.get(p.name);
    if (!service) continue;
    if (p.existing) {
      const input = { ...p.input, volumes: mapVolumes(p.input.volumes, rev.volumes) };
      applyUpdate(store, service, input, linksOf(stack, p));
    }
    service.stackRevision = rev.number;
    order.push(service);
  }
  const dropped = [...stack.services.values()].filter((s) => !order.includes(s));
  return { ok: true, order, dropped };
}

/** The create body a seeded service would have been installed with (demo revisions). */
function serviceBodyOf(service: ServiceRecord): Record<string, unknown> {
  return {
    name: service.name,
    image: service.image,
    stateful: service.stateful,
    instances: service.instances,
    env: service.env,
    links: service.links.map((l) => ({
      name: l.target.stack === service.stack ? l.target.name : `${l.target.stack.name}/${l.target.name}`,
      alias: l.alias,
    })),
    ports: service.ports.map((p) => ({ ip: p.ip, protocol: p.protocol, node_port: p.nodePort, container_port: p.containerPort })),
    volumes: service.volumes,
    affinity: service.affinity,
    strategy: service.strategy,
    secrets: service.secrets.map((s) => ({ secret: s.secret, name: s.name, type: s.type })),
    ...(service.cmd ? { cmd: service.cmd } : {}),
  };
}

/** Puts revisions 1..count behind a seeded stack, all from its current services (demo). */
export function seedRevisions(stack: StackRecord, count: number): void {
  const services = [...stack.services.values()].map(serviceBodyOf);
  // Named service volumes must be stack volumes for a deploy to map them (G3.3).
  const named = new Set<string>();
  for (const s of stack.services.values()) {
    for (const v of s.volumes) {
      const [first = '', ...rest] = v.split(':');
      if (rest.length > 0 && !first.startsWith('/')) named.add(first);
    }
  }
  const volumes = [...named].map((name) => ({ name, external: name }));
  for (let number = 1; number <= count; number++) {
    stack.revisions.push({
      number,
      createdAt: stack.createdAt,
      registryName: stack.registryName ?? stack.name,
      registry: stack.registry,
      version: stack.version ?? '0.0.1',
      expose: stack.expose,
      source: stack.source ?? '',
      variables: stack.variables,
      services,
      volumes,
    });
  }
  stack.revision = count;
}

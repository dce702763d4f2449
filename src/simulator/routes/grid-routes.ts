/**
 * `/v1/grids…`: grids (list, show, create, update, delete), their services list/create,
 * nodes, stacks (docs/kontena-api.md §4.2, §4.3, §4.13, §4.14; docs/kontena-api-grid.md
 * G0.3, G1.1–G1.4). Stats/metrics live in grid-stats-routes, members in user-routes.
 */
import type { SimContext } from '../context';
import { HttpError, json, unprocessable } from '../http';
import { auditOf } from '../model/audit';
import { resolveVolumes } from '../model/volume-mounts';
import { addService, addGrid, findService, isMasterAdmin, NULL_STACK, userCanSeeGrid } from '../model/store';
import { buildCreateConfig } from '../model/service-mutations';
import type { GridRecord, UserRecord } from '../model/types';
import type { Router } from '../router';
import { array, hash, integer, isPlainObject, numberValue, runHash, string, stringValue } from '../validation/filters';
import { checkCreate } from '../validation/service-inputs';
import { gridJson } from '../views/grid-json';
import { nodeJson } from '../views/node-json';
import { serviceJson } from '../views/service-json';
import { stackJson } from '../views/stack-json';
import { gridStatsRoutes } from './grid-stats-routes';
import { loadGrid, requireUser } from './helpers';

// G1.2: `data['initial_size'] || 1`, so only a missing/null size defaults; 0 is checked.
const gridCreateSpec = {
  optional: {
    name: string({ matches: /^(\w|-)+$/, minLength: 3 }),
    initial_size: integer({ min: 1, max: 7 }),
    token: string(),
    default_affinity: array(string()),
    subnet: string(),
    supernet: string(),
  },
};

// G1.3: present keys replace; the nested hashes' keys are all required.
const gridUpdateSpec = {
  optional: {
    stats: hash({ required: { statsd: hash({ required: { server: string(), port: integer() } }) } }),
    trusted_subnets: array(string()),
    default_affinity: array(string()),
    // `opts` is a free-form hash: taken from the raw body (withRawOpts).
    logs: hash({ required: { forwarder: string({ matches: /^(fluentd|none)$/ }) } }),
  },
};

/** The master's random grid names (random_name_helper.rb): 8 × 8 combinations. */
const ADJECTIVES = ['autumn', 'hidden', 'bitter', 'misty', 'silent', 'empty', 'dry', 'dark'];
const NOUNS = ['waterfall', 'river', 'breeze', 'moon', 'rain', 'wind', 'sea', 'morning'];

const NOT_ALLOWED = { user: 'Operation not allowed' };

/** Ruby IPAddr.new: an IPv4/IPv6 address with an optional prefix length. */
function isIpAddr(text: string): boolean {
  const [addr = '', prefix, extra] = text.split('/');
  if (extra !== undefined) return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (v4) {
    if (v4.slice(1).some((o) => Number(o) > 255)) return false;
    return prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32);
  }
  if (!/^[0-9a-fA-F:]+$/.test(addr) || !addr.includes(':')) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128);
}

function canUpdateGrid(user: UserRecord, grid: GridRecord): boolean {
  return isMasterAdmin(user) || (grid.memberIds.has(user.id) && user.roles.some((r) => r.name === 'grid_admin'));
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.map(stringValue) : [];
}

/** G1.3 `logs`: `none` drops the forwarder; `fluentd` needs opts["fluentd-address"]. */
function updateLogs(grid: GridRecord, logs: Record<string, unknown>): void {
  if (logs.forwarder === 'none') {
    grid.logs = null;
    return;
  }
  const opts: Record<string, string> = {};
  if (isPlainObject(logs.opts)) for (const [k, v] of Object.entries(logs.opts)) opts[k] = typeof v === 'string' ? v : JSON.stringify(v);
  grid.logs = { forwarder: 'fluentd', opts };
}

function updateGrid(ctx: SimContext, grid: GridRecord, value: Record<string, unknown>): void {
  const subnets = value.trusted_subnets === undefined ? null : stringArray(value.trusted_subnets);
  let badSubnet: string | null = null;
  for (const s of subnets ?? []) if (!isIpAddr(s)) badSubnet = s;
  if (badSubnet !== null) throw unprocessable({ trusted_subnets: `Invalid trusted_subnet ${badSubnet}` });
  if (isPlainObject(value.logs) && value.logs.forwarder !== 'none') {
    // Validated before anything changes. (quirk) No opts at all: nil dereference on the master → 500.
    if (!isPlainObject(value.logs.opts)) throw new Error('fluentd forwarder without opts');
    if ((value.logs.opts['fluentd-address'] ?? null) === null) throw unprocessable({ logs: 'fluentd-address option must be given' });
  }
  if (isPlainObject(value.stats) && isPlainObject(value.stats.statsd)) {
    grid.statsd = { server: stringValue(value.stats.statsd.server), port: numberValue(value.stats.statsd.port) };
  }
  if (subnets !== null) grid.trustedSubnets = subnets;
  if (value.default_affinity !== undefined) grid.defaultAffinity = stringArray(value.default_affinity);
  if (isPlainObject(value.logs)) updateLogs(grid, value.logs);
  grid.updatedAt = ctx.clock.now();
}

export function gridRoutes(router: Router): void {
  router.get('/v1/grids', ({ auth }, ctx) => {
    const user = requireUser(auth);
    const grids = [...ctx.store.grids.values()].filter((g) => userCanSeeGrid(user, g)).map(gridJson);
    return json(200, { grids });
  });

  router.post('/v1/grids', async (req, ctx) => {
    const user = requireUser(req.auth);
    const body = await req.json();
    const result = runHash(gridCreateSpec, body, true);
    if (result.errors) throw unprocessable(result.errors);
    const v = result.value;
    // (quirk) a missing name is drawn from 64 combinations; a collision is a 500 (unique index).
    const name = v.name === undefined ? `${ctx.rng.pick(ADJECTIVES)}-${ctx.rng.pick(NOUNS)}` : stringValue(v.name);
    if (v.name !== undefined && ctx.store.grids.has(name)) throw unprocessable({ grid: `Grid with name ${name} already exists` });
    if (!isMasterAdmin(user)) throw unprocessable(NOT_ALLOWED);
    for (const key of ['subnet', 'supernet'] as const) {
      if (v[key] !== undefined && !isIpAddr(stringValue(v[key]))) throw unprocessable({ [key]: 'invalid address' });
    }
    if (ctx.store.grids.has(name)) throw new Error(`duplicate grid name ${name}`);
    const grid = addGrid(ctx.store, {
      name,
      initialSize: v.initial_size === undefined ? 1 : numberValue(v.initial_size),
      defaultAffinity: v.default_affinity === undefined ? [] : stringArray(v.default_affinity),
      ...(v.subnet === undefined ? {} : { subnet: stringValue(v.subnet) }),
      ...(v.supernet === undefined ? {} : { supernet: stringValue(v.supernet) }),
    });
    if (v.token !== undefined) grid.token = stringValue(v.token);
    grid.memberIds.add(user.id);
    ctx.engine.gridCreated(grid);
    req.audit(auditOf.grid(grid, 'create'));
    return json(201, gridJson(grid));
  });

  router.get('/v1/grids/:grid', ({ auth, params }, ctx) => json(200, gridJson(loadGrid(ctx, auth, params.grid ?? ''))));

  router.put('/v1/grids/:grid', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const user = requireUser(req.auth);
    const body = await req.json();
    const result = runHash(gridUpdateSpec, body, true);
    if (result.errors) throw unprocessable(result.errors);
    if (!canUpdateGrid(user, grid)) throw unprocessable(NOT_ALLOWED);
    const value = { ...result.value };
    if (isPlainObject(value.logs) && isPlainObject(body.logs)) value.logs = { ...value.logs, opts: body.logs.opts };
    updateGrid(ctx, grid, value);
    req.audit(auditOf.grid(grid, 'update'));
    return json(200, gridJson(grid));
  });

  router.delete('/v1/grids/:grid', ({ auth, params, audit }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    if (!isMasterAdmin(requireUser(auth))) throw unprocessable(NOT_ALLOWED);
    // Both checks use the key `grid`: the later (nodes) one wins.
    if (grid.nodes.size > 0) throw unprocessable({ grid: 'Grid has nodes' });
    if (grid.services.size > 0) throw unprocessable({ grid: 'Grid has services' });
    ctx.store.grids.delete(grid.name);
    audit(auditOf.grid(grid, 'delete'));
    return json(200, {});
  });

  gridStatsRoutes(router);

  router.get('/v1/grids/:grid/services', ({ auth, params, url }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const stackName = url.searchParams.get('stack') ?? '';
    let services = [...grid.services.values()];
    if (stackName !== '') {
      const stack = grid.stacks.get(stackName);
      if (!stack) throw new HttpError(404, { error: 'Stack not found' });
      services = [...stack.services.values()];
    }
    services.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return json(200, { services: services.map((s) => serviceJson(s, { countDeleted: true })) });
  });

  router.post('/v1/grids/:grid/services', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const body = await req.json();
    const stack = grid.stacks.get(NULL_STACK);
    if (!stack) throw new Error('grid without a null stack');
    const checked = checkCreate(body, { grid, stack, existing: null });
    if (!checked.ok) throw unprocessable(checked.errors);
    const name = checked.input.name ?? '';
    if (findService(grid, NULL_STACK, name)) throw unprocessable({ name: 'is already taken' });
    if (checked.input.volumes) checked.input.volumes = resolveVolumes(grid, checked.input.volumes);
    const config = buildCreateConfig(ctx.store, checked.input, checked.links);
    const service = addService(ctx.store, { grid, stack, name, stateful: checked.input.stateful ?? false, config });
    req.audit(auditOf.service(service, 'create'));
    return json(201, serviceJson(service));
  });

  router.get('/v1/grids/:grid/nodes', ({ auth, params }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const now = ctx.clock.now();
    const nodes = [...grid.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return json(200, { nodes: nodes.map((n) => nodeJson(n, ctx.seed, now)) });
  });

  router.get('/v1/grids/:grid/stacks', ({ auth, params }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const now = ctx.clock.now();
    const stacks = [...grid.stacks.values()].filter((s) => s.name !== NULL_STACK).map((s) => stackJson(s, now));
    return json(200, { stacks });
  });
}

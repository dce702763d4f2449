/** `/v1/grids…`: grids, their services list/create, nodes, stacks (docs/kontena-api.md §4.2, §4.3, §4.13, §4.14). */
import { HttpError, json, unprocessable } from '../http';
import { addService, addGrid, findService, isMasterAdmin, NULL_STACK, userCanSeeGrid } from '../model/store';
import { buildCreateConfig } from '../model/service-mutations';
import type { Router } from '../router';
import { integer, numberValue, runHash, string, stringValue } from '../validation/filters';
import { checkCreate } from '../validation/service-inputs';
import { gridJson } from '../views/grid-json';
import { nodeJson } from '../views/node-json';
import { serviceJson } from '../views/service-json';
import { stackJson } from '../views/stack-json';
import { loadGrid, requireUser } from './helpers';

const gridCreateSpec = {
  required: { name: string({ matches: /^(\w|-)+$/, minLength: 3 }) },
  optional: { initial_size: integer({ min: 1, max: 7, default: 1 }) },
};

export function gridRoutes(router: Router): void {
  router.get('/v1/grids', ({ auth }, ctx) => {
    const user = requireUser(auth);
    const grids = [...ctx.store.grids.values()].filter((g) => userCanSeeGrid(user, g)).map(gridJson);
    return json(200, { grids });
  });

  router.post('/v1/grids', async (req, ctx) => {
    const user = requireUser(req.auth);
    if (!isMasterAdmin(user)) throw new HttpError(403, { error: 'Access denied' });
    const body = await req.json();
    const result = runHash(gridCreateSpec, body, true);
    if (result.errors) throw unprocessable(result.errors);
    const name = stringValue(result.value.name);
    if (ctx.store.grids.has(name)) throw unprocessable({ name: 'is already taken' });
    const grid = addGrid(ctx.store, { name, initialSize: numberValue(result.value.initial_size) });
    ctx.engine.gridCreated(grid);
    return json(201, gridJson(grid));
  });

  router.get('/v1/grids/:grid', ({ auth, params }, ctx) => json(200, gridJson(loadGrid(ctx, auth, params.grid ?? ''))));

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
    const config = buildCreateConfig(ctx.store, checked.input, checked.links);
    const service = addService(ctx.store, { grid, stack, name, stateful: checked.input.stateful ?? false, config });
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

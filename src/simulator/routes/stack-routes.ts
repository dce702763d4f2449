/**
 * `/v1/stacks/G/S…` and `POST /v1/grids/G/stacks` (docs/kontena-api-grid.md G3,
 * docs/kontena-api.md §4.14), plus the grid-wide log endpoints.
 */
import { json, notFound, unprocessable } from '../http';
import { runStackDeploy, runStackRemove } from '../engine/stack-deploy';
import { applyLatestRevision, checkStackBody, createStack, parseStackBody, updateStack } from '../model/stack-mutations';
import { auditOf } from '../model/audit';
import { linkingServices, NULL_STACK } from '../model/store';
import type { EventRecord, LogRecord, StackDeployRecord } from '../model/types';
import type { Router } from '../router';
import { stackDeployJson } from '../views/stack-deploy-json';
import { stackJson } from '../views/stack-json';
import { loadGrid, loadStack } from './helpers';

const DEPLOYABLE_STATES = ['initialized', 'running', 'deploying', 'stopped'];
/** Stack deploys kept per stack (there is no list of them, only GET by id). */
const STACK_DEPLOYS_KEPT = 20;
import { containerLogsResponse, eventLogsResponse } from './log-routes';

function list(text: string | null): Set<string> | null {
  if (text === null || text === '') return null;
  return new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

export function stackRoutes(router: Router): void {
  router.post('/v1/grids/:grid/stacks', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const parsed = parseStackBody(await req.json(), 'create');
    if (!parsed.ok) throw unprocessable(parsed.errors);
    const body = parsed.value;
    // `null` is always taken: every grid has its null stack.
    if (grid.stacks.has(body.name)) throw unprocessable({ name: `${body.name} already exists` });
    const checked = checkStackBody(grid, null, body);
    if (!checked.ok) throw unprocessable(checked.errors);
    const { stack, errors } = createStack(ctx.store, grid, body, checked.value);
    if (errors) throw unprocessable(errors);
    req.audit(auditOf.stack(stack, 'create'));
    return json(201, stackJson(stack, ctx.clock.now()));
  });

  router.get('/v1/stacks/:grid/:stack', ({ auth, params }, ctx) => json(200, stackJson(loadStack(ctx, auth, params), ctx.clock.now())));

  router.put('/v1/stacks/:grid/:stack', async (req, ctx) => {
    const stack = loadStack(ctx, req.auth, req.params);
    const parsed = parseStackBody(await req.json(), 'update');
    if (!parsed.ok) throw unprocessable(parsed.errors);
    if (stack.name === NULL_STACK) throw unprocessable({ stack: 'Cannot update null stack' });
    const checked = checkStackBody(stack.grid, stack, parsed.value);
    if (!checked.ok) throw unprocessable(checked.errors);
    const errors = updateStack(ctx.store, stack, parsed.value, checked.value);
    if (errors) throw unprocessable(errors);
    req.audit(auditOf.stack(stack, 'update'));
    return json(200, stackJson(stack, ctx.clock.now()));
  });

  router.delete('/v1/stacks/:grid/:stack', ({ auth, params, audit }, ctx) => {
    const stack = loadStack(ctx, auth, params);
    if (stack.name === NULL_STACK) throw unprocessable({ stack: 'Cannot delete default stack' });
    const linking = [...stack.services.values()].flatMap((s) => linkingServices(s).filter((o) => o.stack !== stack));
    if (linking.length > 0) {
      const names = linking.map((s) => `${s.stack.name}/${s.name}`).join(', ');
      throw unprocessable({ service: `Cannot delete service that is linked from another stack (${names})` });
    }
    audit(auditOf.stack(stack, 'delete'));
    stack.removing = true;
    runStackRemove(ctx, stack);
    return json(200, {});
  });

  router.get('/v1/stacks/:grid/:stack/deploys/:deploy', ({ auth, params }, ctx) => {
    const stack = loadStack(ctx, auth, params);
    const record = stack.deploys.find((d) => d.id === params.deploy);
    if (!record) throw notFound();
    return json(200, stackDeployJson(stack, record));
  });

  router.get('/v1/stacks/:grid/:stack/container_logs', (req, ctx) => {
    const stack = loadStack(ctx, req.auth, req.params);
    return containerLogsResponse(req, ctx, { services: [...stack.services.values()], instanceFilter: false, containerFilter: true });
  });

  router.get('/v1/stacks/:grid/:stack/event_logs', (req, ctx) => {
    const stack = loadStack(ctx, req.auth, req.params);
    return eventLogsResponse(req, ctx, { kind: 'stack', stack });
  });

  // docs/kontena-api-grid.md G3.5 (quirk): the route is `r.on ':deploy'`, so any action segment deploys.
  router.post('/v1/stacks/:grid/:stack/:action', (req, ctx) => {
    const stack = loadStack(ctx, req.auth, req.params);
    if (stack.name === NULL_STACK) throw unprocessable({ stack: 'Cannot deploy null stack' });
    for (const service of stack.services.values()) {
      if (!DEPLOYABLE_STATES.includes(service.state)) {
        throw unprocessable({ service: { state: `Cannot deploy because service state is ${service.state}` } });
      }
    }
    const applied = applyLatestRevision(ctx.store, stack);
    if (!applied.ok) throw unprocessable(applied.errors);
    const now = ctx.clock.now();
    const record: StackDeployRecord = {
      id: ctx.store.ids.objectId(now),
      createdAt: now,
      state: 'created',
      serviceDeploys: [],
      order: applied.order.map((s) => s.name),
      dropped: applied.dropped.map((s) => s.name),
    };
    stack.deploys.push(record);
    if (stack.deploys.length > STACK_DEPLOYS_KEPT) stack.deploys.splice(0, stack.deploys.length - STACK_DEPLOYS_KEPT);
    req.audit(auditOf.stack(stack, 'deploy'));
    runStackDeploy(ctx, stack, record);
    return json(200, stackDeployJson(stack, record));
  });

  router.get('/v1/grids/:grid/container_logs', (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const q = req.url.searchParams;
    const containers = list(q.get('containers'));
    const nodes = list(q.get('nodes'));
    const serviceNames = list(q.get('services'));
    const services = [...grid.services.values()].filter((s) => serviceNames === null || serviceNames.has(s.name));
    const match = (log: LogRecord): boolean =>
      (containers === null || containers.has(log.name)) && (nodes === null || (log.nodeName !== null && nodes.has(log.nodeName)));
    return containerLogsResponse(req, ctx, { services, instanceFilter: false, containerFilter: false, match });
  });

  router.get('/v1/grids/:grid/event_logs', (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const q = req.url.searchParams;
    const nodes = list(q.get('nodes'));
    const stacks = list(q.get('stacks'));
    const services = list(q.get('services'));
    const g = grid.name;
    const match = (e: EventRecord): boolean => {
      const has = (type: string, ids: Set<string>, prefix: string): boolean =>
        e.relationships.some((r) => r.type === type && ids.has(r.id.slice(prefix.length)));
      return (
        (nodes === null || has('node', nodes, `${g}/`)) &&
        (stacks === null || has('stack', stacks, `${g}/`)) &&
        (services === null || has('service', services, `${g}/`))
      );
    };
    return eventLogsResponse(req, ctx, { kind: 'grid', grid, match });
  });
}

/** `/v1/stacks/G/S…` (docs/kontena-api.md §4.14), plus the grid-wide log endpoints. */
import { json } from '../http';
import type { EventRecord, LogRecord } from '../model/types';
import type { Router } from '../router';
import { stackJson } from '../views/stack-json';
import { loadGrid, loadStack } from './helpers';
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
  router.get('/v1/stacks/:grid/:stack', ({ auth, params }, ctx) => json(200, stackJson(loadStack(ctx, auth, params), ctx.clock.now())));

  router.get('/v1/stacks/:grid/:stack/container_logs', (req, ctx) => {
    const stack = loadStack(ctx, req.auth, req.params);
    return containerLogsResponse(req, ctx, { services: [...stack.services.values()], instanceFilter: false, containerFilter: true });
  });

  router.get('/v1/stacks/:grid/:stack/event_logs', (req, ctx) => {
    const stack = loadStack(ctx, req.auth, req.params);
    return eventLogsResponse(req, ctx, { kind: 'stack', stack });
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

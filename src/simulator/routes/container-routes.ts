/** `/v1/containers/G…` (docs/kontena-api.md §4.6). */
import { json, notFound } from '../http';
import { olderFirst } from '../model/store';
import type { ContainerRecord, GridRecord } from '../model/types';
import type { Router } from '../router';
import { containerJson } from '../views/container-json';
import { loadGrid } from './helpers';
import { containerLogsResponse } from './log-routes';

function findContainer(grid: GridRecord, nodeName: string, name: string): ContainerRecord {
  const node = grid.nodes.get(nodeName);
  if (node) {
    let best: ContainerRecord | undefined;
    for (const c of node.containers) {
      if (c.name !== name) continue;
      // A replaced container keeps its name: prefer the live one.
      if (!best || (best.deletedAt !== null && c.deletedAt === null)) best = c;
    }
    if (best) return best;
  }
  throw notFound();
}

export function containerRoutes(router: Router): void {
  router.get('/v1/containers/:grid', ({ auth, params, url }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const all = url.searchParams.has('all');
    const containers = [...grid.containers.values()].filter((c) => all || c.state.running).sort(olderFirst);
    return json(200, { containers: containers.map(containerJson) });
  });

  router.get('/v1/containers/:grid/:node/:container', ({ auth, params }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    return json(200, containerJson(findContainer(grid, params.node ?? '', params.container ?? '')));
  });

  router.get('/v1/containers/:grid/:node/:container/logs', (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const container = findContainer(grid, req.params.node ?? '', req.params.container ?? '');
    const services = container.service ? [container.service] : [];
    return containerLogsResponse(req, ctx, {
      services,
      instanceFilter: false,
      containerFilter: false,
      match: (log) => log.containerRecordId === container.id,
    });
  });

  router.post('/v1/containers/:grid/:node/:container/exec', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const container = findContainer(grid, req.params.node ?? '', req.params.container ?? '');
    const body = await req.json();
    const cmd = Array.isArray(body.cmd) ? body.cmd.map(String) : [];
    if (!container.state.running) return json(200, [[], [`Error: container ${container.name} is not running`], 1]);
    return json(200, [[`simulated: ${cmd.join(' ')}\n`], [], 0]);
  });
}

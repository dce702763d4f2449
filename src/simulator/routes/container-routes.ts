/**
 * `/v1/containers/G…` (docs/kontena-api-grid.md G7: G7.1 list, G7.2 one container and its
 * logs, G7.3 the agent RPC behind inspect/top/exec, G7.4 exec and top; docs/kontena-api.md §4.6).
 */
import type { SimContext } from '../context';
import { agentAnswers, rpcErrorResponse, rpcTimeoutResponse } from '../engine/agent-rpc';
import { execInContainer } from '../engine/exec';
import { empty, json, notFound } from '../http';
import { auditOf } from '../model/audit';
import { olderFirst } from '../model/store';
import type { ContainerRecord } from '../model/types';
import type { RouteRequest, Router } from '../router';
import { containerInspectJson } from '../views/container-inspect-json';
import { containerJson } from '../views/container-json';
import { loadGrid } from './helpers';
import { containerLogsResponse } from './log-routes';

/** inspect, top and exec wait this long for the agent (G7.3). */
const CONTAINER_RPC_TIMEOUT_MS = 300_000;

/** Among the node's non-deleted, non-volume containers; anything unknown is the same 404 (G7.2). */
function loadContainer(ctx: SimContext, req: Pick<RouteRequest, 'auth' | 'params'>): ContainerRecord {
  const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
  const node = grid.nodes.get(req.params.node ?? '');
  if (node) {
    for (const c of node.containers) {
      if (c.name === req.params.container && c.deletedAt === null && c.containerType === 'container') return c;
    }
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

  router.get('/v1/containers/:grid/:node/:container', (req, ctx) => json(200, containerJson(loadContainer(ctx, req))));

  router.get('/v1/containers/:grid/:node/:container/logs', (req, ctx) => {
    const container = loadContainer(ctx, req);
    const services = container.service ? [container.service] : [];
    return containerLogsResponse(req, ctx, {
      services,
      instanceFilter: false,
      containerFilter: false,
      match: (log) => log.containerRecordId === container.id,
    });
  });

  router.get('/v1/containers/:grid/:node/:container/inspect', async (req, ctx) => {
    const container = loadContainer(ctx, req);
    req.audit(auditOf.container(container, 'inspect'));
    if (!container.node || !(await agentAnswers(ctx.clock, container.node, CONTAINER_RPC_TIMEOUT_MS))) {
      return rpcTimeoutResponse(CONTAINER_RPC_TIMEOUT_MS);
    }
    return json(200, containerInspectJson(container, containerJson(container).env));
  });

  // (quirk) The 1.2 master calls /containers/top with two parameters and the agent's top(id)
  // takes one: a connected agent answers an ArgumentError, so top always fails (G7.4).
  router.get('/v1/containers/:grid/:node/:container/top', async (req, ctx) => {
    const container = loadContainer(ctx, req);
    if (!container.node || !(await agentAnswers(ctx.clock, container.node, CONTAINER_RPC_TIMEOUT_MS))) {
      return rpcTimeoutResponse(CONTAINER_RPC_TIMEOUT_MS);
    }
    return rpcErrorResponse(500, 'ArgumentError: wrong number of arguments (given 2, expected 1)');
  });

  router.post('/v1/containers/:grid/:node/:container/exec', async (req, ctx) => {
    const container = loadContainer(ctx, req);
    const body = await req.json();
    // A string is passed on as it is, so docker looks for an executable of that whole name (G7.4).
    const raw: unknown = body.cmd;
    const cmd = Array.isArray(raw) ? raw.map((w) => (typeof w === 'string' ? w : JSON.stringify(w))) : typeof raw === 'string' ? [raw] : [];
    req.audit(auditOf.container(container, 'exec'));
    if (!container.node || !(await agentAnswers(ctx.clock, container.node, CONTAINER_RPC_TIMEOUT_MS))) {
      return rpcTimeoutResponse(CONTAINER_RPC_TIMEOUT_MS);
    }
    // The container may have gone while the request waited: docker's 404 is swallowed → empty 404 (G7.3).
    if (container.deletedAt !== null) return empty(404);
    if (cmd.length === 0) return rpcErrorResponse(500, 'Docker::Error::ClientError: No exec command specified');
    if (!container.state.running) {
      // Docker refuses an exec into a stopped container; the agent passes the error on.
      return rpcErrorResponse(500, `Docker::Error::ConflictError: Container ${container.containerId} is not running`);
    }
    return json(200, execInContainer(container, containerJson(container).env, cmd));
  });
}

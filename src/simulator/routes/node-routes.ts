/**
 * `/v1/nodes/G/<name or docker id>…` and the deprecated agent route `/v1/nodes/<docker id>`
 * (docs/kontena-api-grid.md G2: G2.1 show, G2.2 auth, G2.3 labels, G2.4 remove, G2.5 stats,
 * metrics, health).
 */
import type { AuthInfo } from '../auth';
import type { SimContext } from '../context';
import { agentAnswers } from '../engine/agent-rpc';
import { nodeMetrics } from '../engine/node-stats';
import { removeNode } from '../engine/nodes';
import { HttpError, json, notFound, unprocessable } from '../http';
import { auditOf } from '../model/audit';
import { findNode, olderFirst } from '../model/store';
import type { NodeRecord } from '../model/types';
import { isoZ, parseTime } from '../model/time';
import type { Router } from '../router';
import { nodeJson } from '../views/node-json';
import { loadGrid, toI } from './helpers';
import { containerStatsResponse } from './stats-routes';

/** `/etcd/health` RPC timeout (G2.5). */
const HEALTH_TIMEOUT_MS = 10_000;
const HOUR = 3_600_000;

/**
 * The token middleware lets `/v1/nodes/*` through without a token; the route's
 * `validate_access_token` then halts with `mime_halt(403, 'access_denied')` (G2.2).
 */
function requireNodeAuth(auth: AuthInfo | null): AuthInfo {
  if (!auth) throw new HttpError(403, { error: 'access_denied', error_description: null });
  return auth;
}

function loadNodeOf(ctx: SimContext, auth: AuthInfo | null, params: Record<string, string>): NodeRecord {
  const grid = loadGrid(ctx, requireNodeAuth(auth), params.grid ?? '');
  const node = findNode(grid, params.node ?? '');
  if (!node) throw notFound();
  return node;
}

function timeParam(url: URL, name: string): number | null {
  const text = url.searchParams.get(name);
  if (text === null) return null;
  const ms = parseTime(text);
  // Ruby Time.parse raises on junk and the route does not rescue it: 500.
  if (ms === null) throw new Error(`invalid time ${name}`);
  return ms;
}

/** HostNodes::Update (G2.3): the labels array replaces them all; the master stores any JSON values. */
function updateLabels(ctx: SimContext, node: NodeRecord, body: Record<string, unknown>): Response {
  const labels = body.labels;
  if (labels === undefined || labels === null) throw unprocessable({ labels: 'Labels is required' });
  if (!Array.isArray(labels)) throw unprocessable({ labels: "Labels isn't an array" });
  // The simulated record keeps labels as text.
  node.labels = labels.map((l: unknown) => (typeof l === 'string' ? l : JSON.stringify(l)));
  node.updatedAt = ctx.clock.now();
  return json(200, nodeJson(node, ctx.seed, ctx.clock.now()));
}

/** The node of the agent route: the grid by its token header, then the node by docker id. */
function agentNode(ctx: SimContext, request: Request, id: string | undefined): NodeRecord {
  const token = request.headers.get('Kontena-Grid-Token') ?? '';
  const grid = [...ctx.store.grids.values()].find((g) => g.token === token);
  if (!grid) throw notFound();
  const node = [...grid.nodes.values()].find((n) => n.id === id);
  if (!node) throw new HttpError(404, { error: 'Node not found' });
  return node;
}

export function nodeRoutes(router: Router): void {
  router.get('/v1/nodes/:grid/:node', ({ auth, params }, ctx) => {
    const node = loadNodeOf(ctx, auth, params);
    return json(200, nodeJson(node, ctx.seed, ctx.clock.now()));
  });

  router.put('/v1/nodes/:grid/:node', async (req, ctx) => updateLabels(ctx, loadNodeOf(ctx, req.auth, req.params), await req.json()));

  router.delete('/v1/nodes/:grid/:node', ({ auth, params, audit }, ctx) => {
    const node = loadNodeOf(ctx, auth, params);
    audit(auditOf.node(node, 'remove node'));
    removeNode(node);
    return json(200, {});
  });

  router.get('/v1/nodes/:grid/:node/stats', ({ auth, params, url }, ctx) => {
    const node = loadNodeOf(ctx, auth, params);
    const limit = url.searchParams.get('limit');
    if (limit !== null && toI(limit) < 0) throw new Error('negative limit');
    // Ruby `to_i` of "0" or "abc" is 0, and `first(0)` is empty (G1.5).
    if (limit !== null && toI(limit) === 0) return json(200, { stats: [] });
    const containers = [...node.containers].filter((c) => c.deletedAt === null && c.containerType === 'container').sort(olderFirst);
    return containerStatsResponse(ctx, containers, url);
  });

  router.get('/v1/nodes/:grid/:node/metrics', ({ auth, params, url }, ctx) => {
    const node = loadNodeOf(ctx, auth, params);
    const now = ctx.clock.now();
    const to = timeParam(url, 'to') ?? now;
    const from = timeParam(url, 'from') ?? to - HOUR;
    return json(200, { from: isoZ(from), to: isoZ(to), stats: nodeMetrics(node, ctx.seed, from, to, now) });
  });

  router.get('/v1/nodes/:grid/:node/health', async ({ auth, params }, ctx) => {
    const node = loadNodeOf(ctx, auth, params);
    const answered = await agentAnswers(ctx.clock, node, HEALTH_TIMEOUT_MS);
    return json(200, {
      id: node.id,
      name: node.name,
      node_number: node.nodeNumber,
      initial_member: node.initialMember,
      connected: node.connected,
      etcd_health: answered ? { health: true, error: null } : { health: null, error: 'Connection timeout (10s)' },
    });
  });

  // Deprecated agent routes (G2.2): authenticated by the grid token header, not a user token.
  router.get('/v1/nodes/:id', ({ request, params }, ctx) =>
    json(200, nodeJson(agentNode(ctx, request, params.id), ctx.seed, ctx.clock.now())),
  );
  router.put('/v1/nodes/:id', async (req, ctx) => updateLabels(ctx, agentNode(ctx, req.request, req.params.id), await req.json()));
}

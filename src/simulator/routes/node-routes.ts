/** `/v1/nodes/G/<name or node id>` (docs/kontena-api.md §4.13). */
import { json } from '../http';
import type { Router } from '../router';
import { nodeJson } from '../views/node-json';
import { loadNode } from './helpers';

export function nodeRoutes(router: Router): void {
  router.get('/v1/nodes/:grid/:node', ({ auth, params }, ctx) => {
    const node = loadNode(ctx, auth, params);
    return json(200, nodeJson(node, ctx.seed, ctx.clock.now()));
  });

  router.get('/v1/nodes/:grid/:node/health', ({ auth, params }, ctx) => {
    const node = loadNode(ctx, auth, params);
    return json(200, {
      id: node.id,
      name: node.name,
      node_number: node.nodeNumber,
      initial_member: node.initialMember,
      connected: node.connected,
      etcd_health: { health: node.connected, error: node.connected ? null : 'node is disconnected' },
    });
  });
}

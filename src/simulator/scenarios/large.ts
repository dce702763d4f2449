/**
 * The `large` scenario: one grid with 60 nodes, 40 stacks and 5,000 services with about
 * 17,500 containers. Built directly (round-robin placement, no event history) so it
 * takes a fraction of a second; logs and events appear only for services someone opens.
 */
import type { SimContext } from '../context';
import { createServiceContainer } from '../engine/containers';
import { addGrid, addNode, addService, addStack, defaultServiceConfig, newDeployRecord, NULL_STACK } from '../model/store';
import { seedRevisions } from '../model/stack-mutations';
import type { NodeRecord, StackRecord } from '../model/types';
import { rubyTimeString } from '../model/time';

const LARGE_NODES = 60;
const LARGE_SERVICES = 5000;
const STACKS = 40;
const IMAGES = [
  'nginx:1.11-alpine',
  'redis:3.2-alpine',
  'postgres:9.6',
  'myorg/api:2.4.1',
  'myorg/worker:2.4.1',
  'node:6-alpine',
  'ruby:2.3',
  'haproxy:1.7',
];
const WORDS = [
  'api',
  'web',
  'worker',
  'cache',
  'db',
  'queue',
  'search',
  'auth',
  'billing',
  'mailer',
  'cron',
  'gateway',
  'report',
  'media',
  'chat',
];

export function buildLarge(ctx: SimContext): void {
  const { store } = ctx;
  const now = ctx.clock.now();
  const rng = ctx.rng.fork('large');
  const created = now - 60 * 86_400_000;
  const grid = addGrid(store, { name: 'large', initialSize: 5, createdAt: created });
  const nodes: NodeRecord[] = [];
  for (let i = 1; i <= LARGE_NODES; i++) {
    nodes.push(
      addNode(store, grid, {
        name: `node-${String(i).padStart(3, '0')}`,
        labels: [`az=${['a', 'b', 'c'][i % 3] ?? 'a'}`, 'region=us-east-1'],
        connected: true,
        createdAt: created + i * 60_000,
        cpus: 8,
        memTotal: 32 * 1024 ** 3,
      }),
    );
  }
  for (const node of nodes) node.lastSeenAt = now;
  const stacks: StackRecord[] = [];
  const nullStack = grid.stacks.get(NULL_STACK);
  if (nullStack) stacks.push(nullStack);
  for (let s = 1; s <= STACKS; s++) {
    stacks.push(
      addStack(store, grid, {
        name: `stack-${String(s).padStart(2, '0')}`,
        createdAt: created + s * 3_600_000,
        registryName: `myorg/stack-${s}`,
        registry: 'file://',
        version: '1.0.0',
        revision: 1,
      }),
    );
  }
  let nodeCursor = 0;
  for (let i = 0; i < LARGE_SERVICES; i++) {
    const stack = stacks[i % stacks.length] ?? nullStack;
    if (!stack) break;
    const image = IMAGES[i % IMAGES.length] ?? 'nginx:1.11-alpine';
    const name = `${WORDS[i % WORDS.length] ?? 'svc'}-${i}`;
    const at = created + i * 60_000;
    const config = defaultServiceConfig(store, image);
    config.instances = 3 + (i % 2);
    config.env = [`SERVICE_INDEX=${i}`, 'LOG_LEVEL=info'];
    if (i % 10 === 0) config.memory = 256 * 1024 * 1024;
    const service = addService(store, {
      grid,
      stack,
      name,
      stateful: image.startsWith('postgres') || image.startsWith('redis'),
      config,
      createdAt: at,
    });
    const kind = i % 100;
    if (kind === 99) continue; // initialized: never deployed
    const deployedAt = now - rng.int(1, 20 * 24) * 3_600_000;
    service.state = kind === 98 ? 'stopped' : 'running';
    service.deployedAt = deployedAt;
    service.deployRequestedAt = deployedAt;
    const record = newDeployRecord(store, service, deployedAt, false);
    record.startedAt = deployedAt + 500;
    record.finishedAt = deployedAt + 5000;
    record.state = 'success';
    const deployRev = rubyTimeString(deployedAt + 500);
    for (let n = 1; n <= config.instances; n++) {
      const node = nodes[nodeCursor % nodes.length];
      nodeCursor += 1;
      if (!node) continue;
      const container = createServiceContainer(store.ids, service, node, n, {
        at: deployedAt + 1000 * n,
        deployRev,
        running: service.state === 'running',
      });
      if (service.state === 'stopped') container.finishedAt = deployedAt + 3_600_000;
      record.instanceDeploys.push({ instanceNumber: n, node: node.name, state: 'success', error: null });
    }
    service.deploys.push(record);
  }
  // Each stack has its revision 1, so `kontena stack deploy` works here too (G3.5).
  for (const stack of stacks) if (stack !== nullStack) seedRevisions(stack, 1);
}

import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../api/schemas/container';
import { instancesOnNode, serviceOfContainer, servicesOf } from './node-instances';

describe('serviceOfContainer', () => {
  it.each([
    ['redis-1', 1, { grid: 'g', stack: 'null', name: 'redis' }],
    ['shop.web-12', 12, { grid: 'g', stack: 'shop', name: 'web' }],
    ['monitoring.node-exporter-2', 2, { grid: 'g', stack: 'monitoring', name: 'node-exporter' }],
    ['weave', null, null],
    ['redis-1', 2, null],
    ['a.b.c-1', 1, null],
  ])('%s (instance %s) → %j', (name, instance, ref) => {
    expect(serviceOfContainer('g', name, instance)).toEqual(ref);
  });
});

function container(name: string, node: string | null, instance: number | null): ContainerSummary {
  return {
    id: `g/${node ?? ''}/${name}`,
    name,
    instance_number: instance,
    status: 'running',
    state: { running: true },
    ...(node === null ? {} : { node: { id: `${node}:ID`, name: node, connected: true, last_seen_at: null, labels: [] } }),
    service_rev: null,
    deploy_rev: null,
    created_at: '2017-04-06T12:00:00.000Z',
    started_at: null,
    deleted_at: null,
  };
}

describe('instancesOnNode', () => {
  it('keeps the node’s containers, in natural name order, and names their services once', () => {
    const all = [
      container('web-10', 'n1', 10),
      container('web-2', 'n1', 2),
      container('db-1', 'n2', 1),
      container('weave', 'n1', null),
      container('x-1', null, 1),
    ];
    const on = instancesOnNode('g', all, 'n1');
    expect(on.map((i) => i.name)).toEqual(['weave', 'web-2', 'web-10']);
    expect(servicesOf(on)).toEqual([{ grid: 'g', stack: 'null', name: 'web' }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/schemas/node';
import { nodeUsage, topNodes } from './node-usage';

const node = (name: string, usage?: { cpu: Record<string, number>; memory: Record<string, number> }): Node =>
  ({
    id: `ID:${name}`,
    name,
    connected: true,
    resource_usage: usage && { ...usage, load: {}, filesystem: [], usage: {} },
  }) as unknown as Node;

describe('nodeUsage', () => {
  it('reads CPU as user + system + nice and memory as `node show` does (used − cached − buffers)', () => {
    const u = nodeUsage(
      node('a', { cpu: { user: 10, system: 5.5, nice: 0.5, idle: 84 }, memory: { used: 600, cached: 100, buffers: 100, total: 1000 } }),
    );
    expect(u.cpu).toBeCloseTo(16);
    expect(u.memory).toBeCloseTo(40);
    expect(u.memoryUsed).toBe(400);
  });

  it('gives null, never zero, for a node without a sample', () => {
    expect(nodeUsage(node('b'))).toMatchObject({ cpu: null, memory: null });
  });

  it('lists the busiest first and leaves out nodes without a sample', () => {
    const usage = [
      nodeUsage(node('low', { cpu: { user: 1, system: 1 }, memory: { used: 1, total: 10 } })),
      nodeUsage(node('none')),
      nodeUsage(node('high', { cpu: { user: 50, system: 20 }, memory: { used: 2, total: 10 } })),
    ];
    expect(topNodes(usage, 'cpu', 5).map((n) => n.name)).toEqual(['high', 'low']);
    expect(topNodes(usage, 'cpu', 1).map((n) => n.name)).toEqual(['high']);
  });
});

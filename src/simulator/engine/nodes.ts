/**
 * Node agents: the initial nodes of a grid made through POST /v1/grids connect a few
 * seconds later; in the demo, now and then one node drops off for 40–60 s and comes back
 * (the scheduler then moves or restores its instances).
 */
import { addNode } from '../model/store';
import type { GridRecord, NodeRecord } from '../model/types';
import type { EngineKit } from './kit';

export interface NodeAgents {
  gridCreated(grid: GridRecord): void;
  startChurn(): void;
}

const AZS = ['a', 'b', 'c'];

export function createNodeAgents(kit: EngineKit): NodeAgents {
  const { clock, store, rng } = kit;

  const connectNode = (grid: GridRecord, index: number): NodeRecord =>
    addNode(store, grid, {
      name: `${grid.name}-node-${index}`,
      labels: [`az=${AZS[(index - 1) % AZS.length] ?? 'a'}`],
      connected: true,
      initialMember: true,
    });

  const scheduleChurn = (): void => {
    clock.setTimeout(() => {
      churnOnce();
      scheduleChurn();
    }, kit.jitter(3 * 60_000, 6 * 60_000));
  };

  const churnOnce = (): void => {
    const candidates: NodeRecord[] = [];
    for (const grid of store.grids.values()) {
      const connected = [...grid.nodes.values()].filter((n) => n.connected);
      if (connected.length >= 2) candidates.push(...connected);
    }
    if (candidates.length === 0) return;
    const node = rng.pick(candidates);
    node.connected = false;
    node.updatedAt = clock.now();
    clock.setTimeout(() => {
      if (!store.grids.has(node.grid.name)) return;
      const now = clock.now();
      node.connected = true;
      node.lastSeenAt = now;
      node.updatedAt = now;
    }, kit.jitter(40_000, 60_000));
  };

  return {
    gridCreated(grid) {
      for (let i = 1; i <= grid.initialSize; i++) {
        if (!kit.live) connectNode(grid, i);
        else clock.setTimeout(() => connectNode(grid, i), kit.jitter(1000, 4000));
      }
    },
    startChurn() {
      if (kit.live) scheduleChurn();
    },
  };
}

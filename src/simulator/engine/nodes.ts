/**
 * Node agents: the initial nodes of a grid made through POST /v1/grids connect a few
 * seconds later; in the demo, now and then one node drops off for 40–60 s and comes back
 * (the scheduler then moves or restores its instances).
 */
import { addNode, destroyContainer } from '../model/store';
import type { GridRecord, NodeRecord } from '../model/types';
import type { EngineKit } from './kit';

interface NodeAgents {
  gridCreated(grid: GridRecord): void;
  startChurn(): void;
  /** A restored world: nodes that were away come back when they were due, agents of a new grid still connect. */
  resume(): void;
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
    clock.setTimeout(
      () => {
        churnOnce();
        scheduleChurn();
      },
      kit.jitter(3 * 60_000, 6 * 60_000),
    );
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
    node.reconnectAt = clock.now() + kit.jitter(40_000, 60_000);
    reconnectLater(node);
  };

  const reconnectLater = (node: NodeRecord): void => {
    const at = node.reconnectAt;
    if (at === null) return;
    clock.setTimeout(
      () => {
        if (!store.grids.has(node.grid.name) || node.reconnectAt !== at) return;
        node.reconnectAt = null;
        agentConnected(node, clock.now());
      },
      Math.max(0, at - clock.now()),
    );
  };

  const gridCreated = (grid: GridRecord): void => {
    for (let i = 1; i <= grid.initialSize; i++) {
      if (!kit.live) connectNode(grid, i);
      else clock.setTimeout(() => connectNode(grid, i), kit.jitter(1000, 4000));
    }
  };

  return {
    gridCreated,
    startChurn() {
      if (kit.live) scheduleChurn();
    },
    resume() {
      for (const grid of store.grids.values()) {
        // Saved between POST /v1/grids and its agents connecting: they still connect.
        if (grid.nodes.size === 0 && grid.initialSize > 0) gridCreated(grid);
        if (kit.live) for (const node of grid.nodes.values()) if (!node.connected) reconnectLater(node);
      }
    },
  };
}

/**
 * DELETE /v1/nodes/G/N (docs/kontena-api-grid.md G2.4): the record goes at once, connected
 * or not, with its container records (hard delete); the scheduler then replaces the
 * instances it held elsewhere. A pending reconnect of the demo churn is cancelled.
 */
export function removeNode(node: NodeRecord): void {
  node.reconnectAt = null;
  for (const container of [...node.containers]) destroyContainer(container);
  node.grid.nodes.delete(node.name);
}

/**
 * The node-outage fault (`/__sim/node`, the demo controls): the agent goes away, or comes
 * back, when told and not before. A pending reconnect of the demo churn is cancelled, so
 * a test decides alone when the node returns. The scheduler sees it at its next pass, as
 * it sees the churn's outages.
 */
export function setNodeConnected(node: NodeRecord, connected: boolean, nowMs: number): void {
  node.reconnectAt = null;
  if (node.connected === connected) return;
  if (connected) {
    agentConnected(node, nowMs);
    return;
  }
  node.connected = false;
  node.updatedAt = nowMs;
}

/**
 * The agent (re)connects: the master saves its docker info, and a node without labels
 * gets the docker engine's labels again (docs/kontena-api-grid.md G2.1, G2.3 quirk: a PUT
 * of `[]` lasts until the next connect).
 */
function agentConnected(node: NodeRecord, nowMs: number): void {
  node.connected = true;
  node.lastSeenAt = nowMs;
  node.updatedAt = nowMs;
  if (node.labels.length === 0) node.labels = [...node.engineLabels];
}

/**
 * A WorldStorage in memory, with IndexedDB's copy semantics (structured clone on save and
 * on load): for tests, which pass the same storage to a second host as a reload would.
 */
import type { WorldStorage } from '../../src/simulator/browser-host';
import type { ScenarioName } from '../../src/simulator/contract';
import type { WorldState } from '../../src/simulator/persist/world-state';

export interface MemoryWorldStorage extends WorldStorage {
  /** Saves so far. */
  saves(): number;
}

export function createMemoryWorldStorage(): MemoryWorldStorage {
  const worlds = new Map<ScenarioName, WorldState>();
  let saves = 0;
  return {
    load: (scenario) => Promise.resolve(worlds.has(scenario) ? structuredClone(worlds.get(scenario) ?? null) : null),
    save(world) {
      worlds.set(world.scenario, structuredClone(world));
      saves += 1;
      return Promise.resolve();
    },
    clear(scenario) {
      worlds.delete(scenario);
      return Promise.resolve();
    },
    saves: () => saves,
  };
}

/** The Node door for Vitest integration tests: an MSW server answering master paths from the simulator. */
import { setupServer } from 'msw/node';
import type { SimulatedMaster } from './contract';
import { simulatorHandlers } from './handlers';

export function setupSimulatorServer(master: SimulatedMaster) {
  return setupServer(...simulatorHandlers(master));
}

/**
 * The browser door (`npm start`): the simulated master behind an MSW service worker. A
 * fetch aborted in the page reaches neither request.signal nor the stream's cancel()
 * under MSW's worker (DESIGN.md), so each stream lives at most 30 s and the app resumes it.
 */
import { setupWorker } from 'msw/browser';
import { isScenarioName, type ScenarioName, type SimulatedMaster } from './contract';
import { simulatorHandlers } from './handlers';
import { createSimulatedMaster } from './index';

function scenarioFromLocation(): ScenarioName {
  const wanted = new URLSearchParams(globalThis.location.search).get('scenario');
  return isScenarioName(wanted) ? wanted : 'demo';
}

export async function startBrowserSimulator(): Promise<{ adminCode: string; master: SimulatedMaster }> {
  const master = createSimulatedMaster({ scenario: scenarioFromLocation(), streamMaxLifeMs: 30_000 });
  const worker = setupWorker(...simulatorHandlers(master));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return { adminCode: master.adminCode, master };
}

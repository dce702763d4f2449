/**
 * The SharedWorker every tab of `npm start` connects to: one simulated master for the
 * whole browser, its world kept in IndexedDB. Its name says the scenario.
 */
import { createMasterHost } from './browser-host';
import { scenarioFromSharedMasterName } from './browser-protocol';
import { isScenarioName } from './contract';
import { createIdbWorldStorage } from './persist/idb-world-storage';

interface SharedWorkerScope {
  name: string;
  onconnect: ((event: MessageEvent) => void) | null;
}

const scope = globalThis as unknown as SharedWorkerScope;
const wanted = scenarioFromSharedMasterName(scope.name);
const host = createMasterHost({
  scenario: isScenarioName(wanted) ? wanted : 'demo',
  storage: createIdbWorldStorage(),
  onSaveError: (error) => console.warn('The simulated master could not save its world:', error),
});

scope.onconnect = (event) => {
  for (const port of event.ports) host.connect(port);
};

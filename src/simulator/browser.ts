/**
 * The browser door (`npm start`): the simulated master behind an MSW service worker. The
 * master itself runs in a SharedWorker, so every tab of the browser sees one world, and
 * keeps that world in IndexedDB, so a reload goes on where it was (browser-host.ts).
 * Where a SharedWorker cannot run, the page hosts the master itself (still kept across
 * reloads, not shared by tabs). A fetch aborted in the page reaches neither
 * request.signal nor the stream's cancel() under MSW's worker (docs/architecture.md), so each
 * stream lives at most 30 s and the app resumes it.
 */
import { setupWorker } from 'msw/browser';
import { sharedMasterName, type PortLike } from './browser-protocol';
import { createRemoteMaster, type RemoteMaster } from './browser-remote';
import { isScenarioName, type ScenarioName } from './contract';
import { simulatorHandlers } from './handlers';

/** A shared master that has not answered by then is taken as unable to start. */
const SHARED_START_TIMEOUT_MS = 15_000;

type BrowserSimulator = Pick<RemoteMaster, 'mintCode' | 'reset' | 'onWorldReset'>;

/** Where the scenario last asked for with `?scenario=` is kept: the app's own links drop the parameter, and a reload must stay in that world. */
const SCENARIO_KEY = 'kontena-dashboard.simulated-scenario';

function chosenScenario(): ScenarioName {
  const wanted = new URLSearchParams(globalThis.location.search).get('scenario');
  try {
    if (isScenarioName(wanted)) {
      globalThis.localStorage.setItem(SCENARIO_KEY, wanted);
      return wanted;
    }
    const kept = globalThis.localStorage.getItem(SCENARIO_KEY);
    return isScenarioName(kept) ? kept : 'demo';
  } catch {
    // Storage refused (privacy mode): the address alone decides.
    return isScenarioName(wanted) ? wanted : 'demo';
  }
}

async function started(remote: RemoteMaster, failed: Promise<never>): Promise<RemoteMaster> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${SHARED_START_TIMEOUT_MS / 1000} s`)), SHARED_START_TIMEOUT_MS);
  });
  try {
    await Promise.race([remote.ready, failed, timeout]);
    return remote;
  } finally {
    clearTimeout(timer);
  }
}

async function sharedMaster(scenario: ScenarioName): Promise<RemoteMaster | null> {
  if (typeof SharedWorker !== 'function') return null;
  try {
    const worker = new SharedWorker(new URL('./browser-host.worker.ts', import.meta.url), {
      type: 'module',
      name: sharedMasterName(scenario),
    });
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', () => reject(new Error('the shared worker did not start')), { once: true });
    });
    return await started(createRemoteMaster(worker.port), failed);
  } catch (error) {
    console.warn('The shared simulated master did not start; this tab runs its own:', error);
    return null;
  }
}

async function masterInThisPage(scenario: ScenarioName): Promise<RemoteMaster> {
  const [{ createMasterHost }, { createIdbWorldStorage }] = await Promise.all([
    import('./browser-host'),
    import('./persist/idb-world-storage'),
  ]);
  const host = createMasterHost({
    scenario,
    storage: createIdbWorldStorage(),
    onSaveError: (error) => console.warn('The simulated master could not save its world:', error),
  });
  const channel = new MessageChannel();
  host.connect(channel.port1 satisfies PortLike);
  const remote = createRemoteMaster(channel.port2);
  await remote.ready;
  return remote;
}

export async function startBrowserSimulator(): Promise<BrowserSimulator> {
  const scenario = chosenScenario();
  const remote = (await sharedMaster(scenario)) ?? (await masterInThisPage(scenario));
  const worker = setupWorker(...simulatorHandlers(remote));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  globalThis.addEventListener('pagehide', () => remote.bye());
  return remote;
}

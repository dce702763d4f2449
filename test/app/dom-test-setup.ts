/**
 * The setup every DOM test of a page needs, written once: the jsdom stubs, one MSW
 * server for the test file (unhandled requests fail the test), a fresh api client,
 * empty storage and no session before each test, and the rendered tree and per-test
 * handlers gone after it. Call one of these at the top of a test file, outside any test.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { setupServer, type SetupServer } from 'msw/node';
import { configureClient } from '../../src/api/client';
import { setSession } from '../../src/api/session';
import type { ScenarioName, SimulatedMaster } from '../../src/simulator/index';
import { setupSimulatorServer } from '../../src/simulator/node';
import { createTestMaster, type TestMaster } from '../simulator/test-support';
import { installDomStubs } from './dom-stubs';
import { TEST_ORIGIN, resetClient, signInForTest } from './render-app';

function wireHooks(server: SetupServer): void {
  beforeAll(() => {
    installDomStubs();
    server.listen({ onUnhandledRequest: 'error' });
  });
  beforeEach(() => {
    resetClient();
    setSession(null);
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    cleanup();
    server.resetHandlers();
    setSession(null);
  });
  afterAll(() => server.close());
}

/**
 * Hand-written master answers at TEST_ORIGIN: `handlers` for the whole file, and
 * `server.use(…)` in a test for that test only. Nobody is signed in: a test that needs a
 * session calls signInForTest() (in its own beforeEach, or in the test).
 */
export function setupMswForDomTests(...handlers: Parameters<typeof setupServer>): SetupServer {
  const server = setupServer(...handlers);
  wireHooks(server);
  return server;
}

/** One request the app sent: the path decoded, and a write's JSON body (read asynchronously, so look after the app reacted). */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface SimulatorDomTest {
  /** The current test's master, signed in as its admin: a fresh one for every test. */
  readonly t: TestMaster;
  readonly server: SetupServer;
  /** Every request of the current test, in order. */
  sent(): readonly SentRequest[];
  /** The requests of the current test other than GET. */
  writes(): SentRequest[];
}

export interface SimulatorDomTestOptions {
  scenario?: ScenarioName;
  seed?: number;
  /** false: no background activity (deploys, health changes) unless the test moves the clock. Default true. */
  live?: boolean;
  /** The api client reads the master's fake clock (token expiry, ages), e.g. for a test that moves it. */
  clientOnMasterClock?: boolean;
}

/**
 * The simulated master (its Node door) behind the file's MSW server, a new master for
 * each test (createTestMaster) with the app signed in as its admin; every request the app
 * sends is recorded for the test to check.
 */
export function setupSimulatorForDomTests(options: SimulatorDomTestOptions = {}): SimulatorDomTest {
  const { clientOnMasterClock = false, ...masterOptions } = options;
  let current: TestMaster | null = null;
  const master = (): TestMaster => {
    if (current === null) throw new Error('The test master exists only inside a test (or its beforeEach/afterEach)');
    return current;
  };
  // One server for the file; each request goes to whichever master the test has.
  const door: SimulatedMaster = {
    handle: (request) => master().master.handle(request),
    get adminCode() {
      return master().master.adminCode;
    },
    get clock() {
      return master().master.clock;
    },
    setFaults: (faults) => master().master.setFaults(faults),
    faults: () => master().master.faults(),
    setNodeConnected: (grid, node, connected) => master().master.setNodeConnected(grid, node, connected),
    restart: (ms) => master().master.restart(ms),
    activeStreams: () => master().master.activeStreams(),
    pendingTimers: () => master().master.pendingTimers(),
    dispose: () => master().master.dispose(),
    capture: () => master().master.capture(),
    mintAdminCode: (ttlMs) => master().master.mintAdminCode(ttlMs),
  };
  const server = setupSimulatorServer(door);

  let sent: SentRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const entry: SentRequest = { method: request.method, path: decodeURIComponent(new URL(request.url).pathname), body: undefined };
    sent.push(entry);
    if (request.method !== 'GET') {
      void request
        .clone()
        .text()
        .then((text) => {
          entry.body = text === '' ? undefined : (JSON.parse(text) as unknown);
        });
    }
  });

  // After-hooks run in reverse order: registered first, the master goes last, after the
  // rendered tree (and the streams it holds) is gone.
  afterEach(() => {
    current?.master.dispose();
    current = null;
  });
  wireHooks(server);
  beforeEach(async () => {
    const created = await createTestMaster(masterOptions);
    current = created;
    sent = [];
    if (clientOnMasterClock) configureClient({ baseUrl: TEST_ORIGIN, now: () => created.clock.now() });
    signInForTest(created.token);
  });

  return {
    get t() {
      return master();
    },
    server,
    sent: () => sent,
    writes: () => sent.filter((request) => request.method !== 'GET'),
  };
}

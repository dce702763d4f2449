/**
 * Test support for this feature's DOM tests: the simulated master (demo scenario, fake
 * clock) behind MSW's Node door, the app signed in to it, and a log of the requests the
 * app sent. `reset()` gives every test a fresh master. Only imported by *.test.tsx files.
 */
/* eslint-disable no-restricted-imports -- test support: only this feature's tests import it, never app code */
import { setSession } from '../../api/session';
import type { SimulatedMaster } from '../../simulator/contract';
import { createTestMaster } from '../../simulator/test-support';
import type { TestMaster } from '../../simulator/test-support';
import { setupSimulatorServer } from '../../simulator/node';

export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

export async function startSimulatedMaster() {
  let current: TestMaster = await createTestMaster({ scenario: 'demo', seed: 1 });
  // The MSW door calls only handle(); it goes to whichever master the test has.
  const door: SimulatedMaster = { ...current.master, handle: (request) => current.master.handle(request) };
  const server = setupSimulatorServer(door);
  const sent: SentRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    const entry: SentRequest = { method: request.method, path: url.pathname, body: undefined };
    sent.push(entry);
    if (request.method === 'GET') return;
    void request
      .clone()
      .text()
      .then((text) => {
        entry.body = text === '' ? undefined : (JSON.parse(text) as unknown);
      });
  });

  return {
    server,
    sent,
    get master() {
      return current.master;
    },
    get clock() {
      return current.clock;
    },
    api: (...args: Parameters<TestMaster['api']>) => current.api(...args),
    /** A fresh demo master, the app signed in to it, the request log emptied. */
    async reset() {
      current.master.dispose();
      current = await createTestMaster({ scenario: 'demo', seed: 1 });
      sent.length = 0;
      setSession({ accessToken: current.token, refreshToken: null, expiresAt: null, user: { id: 'admin', email: 'admin', name: 'admin' }, remember: false });
    },
    /** The changing requests (not GETs) the app sent, as "METHOD /path". */
    actions: () => sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`),
    /** Moves the master's clock on (deploy worker, scheduler), settling its async work. */
    advance: (ms: number) => current.clock.advanceAsync(ms, 250),
    dispose: () => current.master.dispose(),
  };
}

/**
 * For tests that drive the real api client against the simulated master in Node, without
 * a DOM: one master (live: false, so nothing moves unless the test moves its clock) behind
 * an MSW server for the file, the client pointed at it and signed in as the admin.
 */
import { afterAll, beforeAll } from 'vitest';
import { configureClient } from '../../src/api/client';
import { setSession } from '../../src/api/session';
import { setupSimulatorServer } from '../../src/simulator/node';
import { createTestMaster, type TestMaster } from '../simulator/test-support';

const ORIGIN = 'http://localhost';

/** Call at the top of a test file; `master()` is the file's master, inside its tests. */
export function setupSimulatorForApiTests(): { master(): TestMaster } {
  let t: TestMaster | null = null;
  let server: ReturnType<typeof setupSimulatorServer> | null = null;
  beforeAll(async () => {
    const created = await createTestMaster({ live: false });
    t = created;
    server = setupSimulatorServer(created.master);
    server.listen({ onUnhandledRequest: 'error' });
    configureClient({ baseUrl: ORIGIN });
    setSession({ accessToken: created.token, refreshToken: null, expiresAt: null, user: null, remember: false });
  });
  afterAll(() => {
    server?.close();
    setSession(null);
    t?.master.dispose();
  });
  return {
    master() {
      if (t === null) throw new Error('The test master exists only inside the file’s tests');
      return t;
    },
  };
}

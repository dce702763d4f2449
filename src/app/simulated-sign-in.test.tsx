// @vitest-environment jsdom
// The whole path of `npm start` minus the service worker: the simulated master (its Node
// door), the automatic sign-in with its admin code, and the services page on top.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { getSession, setSession } from '../api/session';
import { createSimulatedMaster } from '../simulator/index';
import { setupSimulatorServer } from '../simulator/node';
import { signInToSimulator } from './simulated-sign-in';
import { installDomStubs } from './testing/dom-stubs';
import { GOOD_TOKEN } from './testing/fixtures';
import { renderApp, resetClient } from './testing/render-app';

const master = createSimulatedMaster({ scenario: 'demo', seed: 7, initialAdminCode: 'c0ffee00c0de' });
const server = setupSimulatorServer(master);

beforeAll(() => {
  installDomStubs();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  resetClient();
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
});
afterAll(() => {
  server.close();
  master.dispose();
});

describe('simulated mode', () => {
  it('replaces a stale stored session by exchanging the admin code, then shows the demo grid’s services', async () => {
    // A token from an earlier simulator run: the master does not know it.
    setSession({ accessToken: GOOD_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
    await signInToSimulator('c0ffee00c0de');
    const session = getSession();
    expect(session?.accessToken).toMatch(/^[0-9a-f]{64}$/);
    expect(session?.accessToken).not.toBe(GOOD_TOKEN);
    expect(session?.user?.email).toBe('admin');

    // A session that works is kept: the admin code (already used) is not needed again.
    await signInToSimulator('c0ffee00c0de');
    expect(getSession()?.accessToken).toBe(session?.accessToken);

    renderApp('/');
    const list = await screen.findByRole('grid', { name: /services/i });
    const names = within(list).getAllByRole('link').map((a) => a.textContent ?? '');
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names.some((n) => n.includes('/'))).toBe(true);
    expect(names.some((n) => !n.includes('/'))).toBe(true);
  });
});

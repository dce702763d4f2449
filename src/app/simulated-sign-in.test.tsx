// @vitest-environment jsdom
// The whole path of `npm start` minus the service worker: the simulated master (its Node
// door), the automatic sign-in with its admin code, and the services page on top.
import { afterAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { getSession, setSession } from '../api/session';
import { simulatorHandlers } from '../simulator/handlers';
import { createSimulatedMaster } from '../simulator/index';
import { signInToSimulator } from './simulated-sign-in';
import { setupMswForDomTests } from './testing/dom-test-setup';
import { GOOD_TOKEN } from './testing/fixtures';
import { renderApp } from './testing/render-app';

// A master whose admin code is still unused, as at `npm start` (not createTestMaster's, which signs in itself).
const master = createSimulatedMaster({ scenario: 'demo', seed: 7, initialAdminCode: 'c0ffee00c0de' });
setupMswForDomTests(...simulatorHandlers(master));
afterAll(() => master.dispose());

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

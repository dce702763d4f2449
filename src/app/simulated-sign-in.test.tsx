// @vitest-environment jsdom
// The whole path of `npm start` minus the service worker: the shared simulated master
// (its host, as the SharedWorker runs it, behind a port), the automatic sign-in with a
// code it mints for the page, and the services page on top.
import { afterAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { getSession, setSession } from '../api/session';
import { createMasterHost } from '../simulator/browser-host';
import { createRemoteMaster } from '../simulator/browser-remote';
import { simulatorHandlers } from '../simulator/handlers';
import { createMemoryWorldStorage } from '../../test/simulator/memory-world-storage';
import { signInToSimulator } from './simulated-sign-in';
import { setupMswForDomTests } from '../../test/app/dom-test-setup';
import { GOOD_TOKEN } from '../../test/app/fixtures';
import { renderApp } from '../../test/app/render-app';

const host = createMasterHost({ scenario: 'demo', storage: createMemoryWorldStorage(), saveEveryMs: 0 });
const channel = new MessageChannel();
host.connect(channel.port1);
const remote = createRemoteMaster(channel.port2);
setupMswForDomTests(...simulatorHandlers(remote));
afterAll(() => {
  host.dispose();
  channel.port1.close();
  channel.port2.close();
});

describe('simulated mode', () => {
  it('replaces a stale stored session by exchanging a code the master mints, then shows the demo grid’s services', async () => {
    let minted = 0;
    const mintCode = (): Promise<string> => {
      minted += 1;
      return remote.mintCode();
    };
    // A token of a world that was reset since: the master does not know it.
    setSession({ accessToken: GOOD_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
    await signInToSimulator(mintCode);
    const session = getSession();
    expect(session?.accessToken).toMatch(/^[0-9a-f]{64}$/);
    expect(session?.accessToken).not.toBe(GOOD_TOKEN);
    expect(session?.user?.email).toBe('admin');

    // A session that works is kept (a reload): no new code, no new token.
    await signInToSimulator(mintCode);
    expect(getSession()?.accessToken).toBe(session?.accessToken);
    expect(minted).toBe(1);

    renderApp('/grids/production/services');
    const list = await screen.findByRole('grid', { name: /services/i });
    const names = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent ?? '');
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names.some((n) => n.includes('/'))).toBe(true);
    expect(names.some((n) => !n.includes('/'))).toBe(true);
  });
});

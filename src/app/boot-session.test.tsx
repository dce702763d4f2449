// @vitest-environment jsdom
// A page opened with a sign-in link (the wall builder's "Sign in a screen on another
// machine"): the code leaves the address bar, the screen is signed in and remembered;
// a spent, expired or unusable link says so on the sign-in page.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createSignInCode } from '../api/auth';
import { getSession, SESSION_STORAGE_KEY, setSession } from '../api/session';
import { establishSession, linkSignInReason, resetLinkSignInForTests, takeSignInCode } from './boot-session';
import { setupSimulatorForDomTests } from '../../test/app/dom-test-setup';
import { renderApp, TEST_ORIGIN } from '../../test/app/render-app';

const sim = setupSimulatorForDomTests({ clientOnMasterClock: true });
const noWait = (): Promise<void> => Promise.resolve();

/** A link as the builder makes it: minted by a signed-in user, then opened on a screen with no session. */
async function openLink(lifeSeconds = 900): Promise<string> {
  const { code } = await createSignInCode(lifeSeconds);
  setSession(null);
  window.history.replaceState(null, '', `/wall?grid=production&rotate=30s#sign-in=${code}`);
  return code;
}

beforeEach(() => resetLinkSignInForTests());

describe('a sign-in link', () => {
  it('signs the screen in, remembers it on this device, and leaves the address bar without the code', async () => {
    const code = await openLink();
    await establishSession({ wait: noWait });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/wall?grid=production&rotate=30s');
    const session = getSession();
    expect(session?.user?.email).toBe('admin');
    expect(session?.remember).toBe(true);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toContain(session?.accessToken);
    expect(linkSignInReason()).toBeNull();
    expect(JSON.stringify(window.history.state)).not.toContain(code);
  });

  it('used a second time, says so in plain words on the sign-in page, and keeps the wall as the page to go back to', async () => {
    const code = await openLink();
    await establishSession({ wait: noWait });
    setSession(null);
    localStorage.clear();
    window.history.replaceState(null, '', `/wall?grid=production#sign-in=${code}`);
    await establishSession({ wait: noWait });
    expect(getSession()).toBeNull();
    expect(linkSignInReason()).toBe('link-used');

    const { location } = renderApp('/wall?grid=production');
    expect(await screen.findByText('This sign-in link has been used')).toBeVisible();
    expect(screen.getByText(/signs in one screen, once/)).toBeVisible();
    expect(location().pathname).toBe('/sign-in');
    expect(new URLSearchParams(location().search).get('next')).toBe('/wall?grid=production');
  });

  it('past its 15 minutes, does not sign in and says it expired', async () => {
    await openLink(900);
    sim.t.clock.advance(16 * 60_000);
    await establishSession({ wait: noWait });
    expect(getSession()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(linkSignInReason()).toBe('link-expired');
    renderApp('/wall');
    expect(await screen.findByText('This sign-in link has expired')).toBeVisible();
  });

  it('when the master does not answer, tries again, then says the link could not be used', async () => {
    await openLink();
    let tries = 0;
    sim.server.use(
      http.post(`${TEST_ORIGIN}/oauth2/token`, () => {
        tries += 1;
        return HttpResponse.error();
      }),
    );
    await establishSession({ wait: noWait });
    expect(tries).toBe(3);
    expect(linkSignInReason()).toBe('link-failed');
    expect(window.location.hash).toBe('');
    renderApp('/wall');
    expect(await screen.findByText('This sign-in link could not be used')).toBeVisible();
  });

  it('leaves other parts of the address alone', () => {
    const replaced: string[] = [];
    const code = takeSignInCode(
      { pathname: '/wall', search: '?grid=a', hash: '#sign-in=abc123def456&x=1' },
      { state: null, replaceState: (_data, _unused, url) => replaced.push(String(url)) },
    );
    expect(code).toBe('abc123def456');
    expect(replaced).toEqual(['/wall?grid=a#x=1']);
    expect(
      takeSignInCode({ pathname: '/wall', search: '', hash: '' }, { state: null, replaceState: () => replaced.push('no') }),
    ).toBeNull();
    expect(replaced).toHaveLength(1);
  });
});

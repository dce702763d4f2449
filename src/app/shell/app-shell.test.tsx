// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { getSession, setSession } from '../../api/session';
import { setDemoControls } from '../demo-controls';
import { THEME_STORAGE_KEY, resetThemeForTests } from '../theme';
import { setupMswForDomTests } from '../../../test/app/dom-test-setup';
import { INVALID_TOKEN_BODY, gridJson, serviceJson } from '../../../test/app/fixtures';
import { TEST_ORIGIN, renderApp, signInForTest } from '../../../test/app/render-app';

const api = (path: string) => `${TEST_ORIGIN}${path}`;

const server = setupMswForDomTests(
  http.get(api('/v1/grids'), () =>
    HttpResponse.json({ grids: [gridJson('production', { service_count: 2 }), gridJson('staging', { service_count: 1, node_count: 1 })] }),
  ),
  http.get(api('/v1/grids/production/services'), () =>
    HttpResponse.json({
      services: [serviceJson({ grid: 'production', name: 'web' }), serviceJson({ grid: 'production', stack: 'shop', name: 'api' })],
    }),
  ),
  http.get(api('/v1/grids/staging/services'), () => HttpResponse.json({ services: [serviceJson({ grid: 'staging', name: 'canary' })] })),
);

beforeEach(() => {
  resetThemeForTests();
  delete document.documentElement.dataset.theme;
  signInForTest();
});

describe('app shell', () => {
  it('switching the grid in the grid switcher changes the URL and the list', async () => {
    const { user, location } = renderApp('/grids/production/services');
    expect(await screen.findByRole('link', { name: 'shop/api' })).toBeVisible();

    const switcher = await screen.findByRole('button', { name: 'Grid production' });
    await user.click(switcher);
    const options = await screen.findAllByRole('menuitemradio');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('production'), expect.stringContaining('staging')]);
    expect(options[0]).toHaveAttribute('aria-checked', 'true');
    expect(options[1]).toHaveTextContent('1 service · 1 node');

    await user.click(screen.getByRole('menuitemradio', { name: /staging/ }));
    await waitFor(() => expect(location().pathname).toBe('/grids/staging/services'));
    expect(await screen.findByRole('link', { name: 'canary' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Grid staging' })).toBeVisible();
  });

  it('the theme switch sets data-theme on <html> and remembers it; System follows the device again', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('link', { name: 'web' });
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Theme: System' }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await user.click(screen.getByRole('button', { name: 'Theme: Dark' }));
    await user.click(await screen.findByRole('menuitemradio', { name: /system/i }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('"/" goes to the overview of the first grid', async () => {
    const { location } = renderApp('/');
    await waitFor(() => expect(location().pathname).toBe('/grids/production'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });

  it('has a skip link, a labelled main navigation and the connection state', async () => {
    renderApp('/grids/production/services');
    await screen.findByRole('link', { name: 'web' });
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Services' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText('Connection:').parentElement).toHaveTextContent('online');
  });

  it('the home link is named by its visible label, “Kontena Dashboard”', async () => {
    renderApp('/grids/production/services');
    await screen.findByRole('link', { name: 'web' });
    const home = screen.getByRole('link', { name: /^Kontena/ });
    const visible = (home.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(visible).toBe('Kontena Dashboard');
    expect(home).toHaveAccessibleName(new RegExp(`^${visible}`));
    expect(home).toHaveAttribute('href', '/');
  });

  it('an unknown address shows the not-found page inside the shell', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(screen.getByText('/no/such/page')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  it('the user menu shows who is signed in, and Sign out leads to the sign-in page', async () => {
    const { user, location } = renderApp('/grids/production/services');
    await screen.findByRole('link', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'admin: account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(getSession()).toBeNull();
    expect(await screen.findByLabelText(/one-time code/i)).toBeVisible();
  });
});

describe('auth guard', () => {
  it('without a session: sign-in, then back to the page asked for', async () => {
    setSession(null);
    const { location } = renderApp('/grids/staging/services');
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(new URLSearchParams(location().search).get('next')).toBe('/grids/staging/services');
  });

  it('when the master stops accepting the token: sign-in with the reason, coming back to the same page', async () => {
    server.use(http.get(api('/v1/grids/production/services'), () => HttpResponse.json(INVALID_TOKEN_BODY, { status: 403 })));
    const { location } = renderApp('/grids/production/services');
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    const params = new URLSearchParams(location().search);
    expect(params.get('next')).toBe('/grids/production/services');
    expect(params.get('reason')).toBe('ended');
    expect(await screen.findByText(/no longer accepts your sign-in/i)).toBeVisible();
    expect(getSession()).toBeNull();
  });
});

describe('reset the demo', () => {
  afterEach(() => setDemoControls(null));

  it('is not offered on a real master', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('link', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'admin: account menu' }));
    expect(await screen.findByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    expect(screen.queryByRole('menuitem', { name: /reset the demo/i })).toBeNull();
  });

  it('on the simulated master: asks first, resets when confirmed, and goes home', async () => {
    let resets = 0;
    // main.tsx sets the controls before the app renders.
    setDemoControls({
      reset: () => {
        resets += 1;
        return Promise.resolve();
      },
    });
    // A page the reset may take away (a service made since): after it, home.
    const { user, location } = renderApp('/no/such/page');
    await screen.findByRole('heading', { name: 'Page not found' });
    await user.click(screen.getByRole('button', { name: 'admin: account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset the demo…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Reset the demo?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(resets).toBe(0);

    await user.click(screen.getByRole('button', { name: 'admin: account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset the demo…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Reset the demo' }));
    await waitFor(() => expect(resets).toBe(1));
    await waitFor(() => expect(location().pathname).toMatch(/^\/grids\//));
  });

  it('says so when the reset fails, and keeps the dialog to try again', async () => {
    setDemoControls({ reset: () => Promise.reject(new Error('the worker is gone')) });
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('link', { name: 'web' });
    await user.click(screen.getByRole('button', { name: 'admin: account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset the demo…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Reset the demo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The demo was not reset: the worker is gone');
  });
});

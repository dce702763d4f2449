// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { setSession } from '../../api/session';
import { installDomStubs } from '../../app/testing/dom-stubs';
import { gridJson, serviceJson } from '../../app/testing/fixtures';
import { TEST_ORIGIN, renderApp, resetClient, signInForTest } from '../../app/testing/render-app';

const api = (path: string) => `${TEST_ORIGIN}${path}`;

const server = setupServer(http.get(api('/v1/grids'), () => HttpResponse.json({ grids: [gridJson('production')] })));

beforeAll(() => {
  installDomStubs();
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  resetClient();
  localStorage.clear();
  signInForTest();
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  setSession(null);
});
afterAll(() => server.close());

describe('services page', () => {
  it('lists the grid’s services as name (default stack) or stack/name, linking to each, with its state', async () => {
    server.use(
      http.get(api('/v1/grids/production/services'), () =>
        HttpResponse.json({
          services: [
            serviceJson({ grid: 'production', name: 'web', state: 'running', instances: 3, running: 2 }),
            serviceJson({ grid: 'production', stack: 'shop', name: 'api', state: 'stopped', running: 0 }),
            serviceJson({ grid: 'production', stack: 'shop', name: 'web', state: 'initialized', running: 0 }),
          ],
        }),
      ),
    );
    renderApp('/grids/production/services');

    const list = await screen.findByRole('list', { name: /services/i });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link').textContent)).toEqual(['shop/api', 'shop/web', 'web']);
    expect(within(list).getByRole('link', { name: 'web' })).toHaveAttribute('href', '/grids/production/services/null/web');
    expect(within(list).getByRole('link', { name: 'shop/api' })).toHaveAttribute('href', '/grids/production/services/shop/api');
    expect(items[0]).toHaveTextContent('stopped');
    expect(items[1]).toHaveTextContent('initialized');
    expect(items[2]).toHaveTextContent('running');
    expect(items[2]).toHaveTextContent('2/3 running');
    expect(screen.getByText(/3 services/)).toBeVisible();
  });

  it('says so when the grid has no services', async () => {
    server.use(http.get(api('/v1/grids/production/services'), () => HttpResponse.json({ services: [] })));
    renderApp('/grids/production/services');
    expect(await screen.findByRole('heading', { name: 'No services in this grid yet' })).toBeVisible();
    expect(screen.queryByRole('list', { name: /services/i })).toBeNull();
  });

  it('shows the error with a retry that loads the list once the master answers', async () => {
    let calls = 0;
    server.use(
      http.get(api('/v1/grids/production/services'), () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ message: 'Internal server error' }, { status: 500 })
          : HttpResponse.json({ services: [serviceJson({ grid: 'production', name: 'db' })] });
      }),
    );
    const { user } = renderApp('/grids/production/services');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the services');
    expect(alert).toHaveTextContent(/internal error/i);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('link', { name: 'db' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a grid that does not exist: says so instead of an error', async () => {
    server.use(http.get(api('/v1/grids/nope/services'), () => HttpResponse.json({ error: 'Not found' }, { status: 404 })));
    renderApp('/grids/nope/services');
    expect(await screen.findByRole('heading', { name: 'There is no grid “nope”' })).toBeVisible();
  });

  it('keeps the list on screen, marked stale, when a refresh fails', async () => {
    server.use(
      http.get(api('/v1/grids/production/services'), () => HttpResponse.json({ services: [serviceJson({ grid: 'production', name: 'web' })] })),
    );
    const { queryClient } = renderApp('/grids/production/services');
    expect(await screen.findByRole('link', { name: 'web' })).toBeVisible();

    // The whole master goes away.
    server.use(http.all('*', () => HttpResponse.error()));
    await queryClient.refetchQueries({ type: 'active' });

    expect(await screen.findByText(/showing data from/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'web' })).toBeVisible();
    // The shell says the master is unreachable, and offers a retry.
    expect(await screen.findByRole('region', { name: 'Connection problem' })).toHaveTextContent(/cannot reach the kontena master/i);
    expect(screen.getByText('Connection:').parentElement).toHaveTextContent(/offline|reconnecting/);
  });
});

describe('services page: a failed refresh while the master is up', () => {
  it('marks the list stale and offers its own retry', async () => {
    let calls = 0;
    server.use(
      http.get(api('/v1/grids/production/services'), () => {
        calls += 1;
        return calls === 2
          ? HttpResponse.json({ message: 'Internal server error' }, { status: 500 })
          : HttpResponse.json({ services: [serviceJson({ grid: 'production', name: 'web', running: calls === 1 ? 1 : 2 })] });
      }),
    );
    const { queryClient, user } = renderApp('/grids/production/services');
    expect(await screen.findByText('1/2 running')).toBeVisible();

    await queryClient.refetchQueries({ type: 'active' });
    const note = await screen.findByText(/the latest refresh failed/i);
    expect(screen.getByRole('link', { name: 'web' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Connection problem' })).toBeNull();

    await user.click(within(note.closest('[role="status"]') ?? document.body).getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByText('2/2 running')).toBeVisible();
    expect(screen.queryByText(/the latest refresh failed/i)).toBeNull();
  });
});

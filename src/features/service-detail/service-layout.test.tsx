// @vitest-environment jsdom
// The service page's header and overview against hand-written master answers (moved here
// from the services list's tests when the old facts page was replaced by these tabs).
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupMswForDomTests } from '../../../test/app/dom-test-setup';
import { gridJson, serviceJson } from '../../../test/app/fixtures';
import { TEST_ORIGIN, renderApp, signInForTest } from '../../../test/app/render-app';

const api = (path: string) => `${TEST_ORIGIN}${path}`;

const server = setupMswForDomTests(
  http.get(api('/v1/grids'), () => HttpResponse.json({ grids: [gridJson('production')] })),
  http.get(api('/v1/grids/production/services'), () => HttpResponse.json({ services: [] })),
  http.get(api('/v1/grids/production/secrets'), () => HttpResponse.json({ secrets: [] })),
  http.get(/\/v1\/services\/production\/[^/]+\/[^/]+\/containers$/, () => HttpResponse.json({ containers: [] })),
);

beforeEach(() => signInForTest());

describe('service page', () => {
  it('shows the service’s key facts in the header and the overview', async () => {
    server.use(
      http.get(api('/v1/services/production/shop/api'), () =>
        HttpResponse.json(serviceJson({ grid: 'production', stack: 'shop', name: 'api', image: 'acme/api:1.4', instances: 3, running: 2 })),
      ),
    );
    renderApp('/grids/production/services/shop/api');
    expect(await screen.findByRole('heading', { level: 1, name: 'shop/api' })).toBeVisible();
    const status = await screen.findByRole('list', { name: 'Status' });
    expect(status).toHaveTextContent('running');
    expect(status).toHaveTextContent('2 running · 3 desired');
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('acme/api:1.4')).toBeVisible();
    expect(within(summary).getByText('ha')).toBeVisible();
    expect(within(screen.getByRole('region', { name: 'Instances' })).getByText(/No instances/)).toBeVisible();
    expect(document.title).toBe('shop/api · production · Kontena');
  });

  it('a service that does not exist: says so, with the way back', async () => {
    server.use(http.get(api('/v1/services/production/null/gone'), () => HttpResponse.json({ error: 'Not found' }, { status: 404 })));
    renderApp('/grids/production/services/null/gone');
    expect(await screen.findByRole('heading', { name: 'There is no service “gone” in grid production' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the services' })).toHaveAttribute('href', '/grids/production/services');
  });

  it('a failed load other than 404: the reason and a retry', async () => {
    let calls = 0;
    server.use(
      http.get(api('/v1/services/production/null/web'), () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json({ message: 'Internal server error' }, { status: 500 })
          : HttpResponse.json(serviceJson({ grid: 'production', name: 'web' }));
      }),
    );
    const { user } = renderApp('/grids/production/services/null/web');
    const heading = await screen.findByRole('heading', { name: 'Could not load the service' });
    const alert = heading.closest<HTMLElement>('[role="alert"]') ?? document.body;
    expect(alert).toHaveTextContent(/internal error/i);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Summary' })).toBeVisible();
  });
});

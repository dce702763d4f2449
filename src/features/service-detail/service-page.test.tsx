// @vitest-environment jsdom
// The service page against the simulated master (its Node door), a fresh demo grid per
// test on a fake clock: what each env/secret/link operation sends, and the page after.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { arr, obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests();
const changes = () => sim.writes();

async function serviceJsonOf(path: string): Promise<Record<string, unknown>> {
  return obj((await sim.t.api('GET', `/v1/services/${path}`)).body);
}

function panel(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('overview: what kontena service show prints', () => {
  it('shows the service’s facts in human units, env masked, secrets, links to the linked services, health and instances', async () => {
    renderApp('/grids/production/services/null/api');
    expect(await screen.findByRole('heading', { level: 1, name: 'api' })).toBeVisible();
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('myorg/api:2.4.1')).toBeVisible();
    // Ids and DNS names are split into labels that wrap at their dots and slashes: found by their whole text.
    const fact = (label: string) => within(summary).getByText(label).closest('div');
    expect(fact('ID')).toHaveTextContent(/^IDproduction\/null\/api$/);
    expect(fact('DNS name')).toHaveTextContent(/^DNS nameapi\.production\.kontena\.local$/);
    expect(within(summary).getByText('80 %')).toBeVisible();

    const runtime = panel('Runtime');
    expect(within(runtime).getByText('512 MiB')).toBeVisible();
    expect(within(runtime).getByText('1 GiB')).toBeVisible();
    expect(within(runtime).getByText('512 of 1024')).toBeVisible();
    expect(within(runtime).getByText('max-size=10m')).toBeVisible();

    const env = panel('Environment');
    const nodeEnv = within(env).getByRole('row', { name: /NODE_ENV/ });
    expect(nodeEnv).not.toHaveTextContent('production');
    expect(nodeEnv).toHaveTextContent('hidden');

    const secrets = panel('Secrets');
    expect(within(secrets).getByRole('row', { name: /DB_PASSWORD/ })).toHaveTextContent('DATABASE_PASSWORD');

    const links = panel('Links');
    expect(within(links).getByRole('link', { name: 'redis' })).toHaveAttribute('href', '/grids/production/services/null/redis');

    expect(within(panel('Health check')).getByText('/health')).toBeVisible();
    const instances = panel('Instances');
    await waitFor(() => expect(within(instances).getAllByRole('row').length).toBeGreaterThan(1));
    expect(within(instances).getByRole('row', { name: /api-1/ })).toHaveTextContent(/prod-node-\d/);
  });

  it('has a tab bar of links, each tab its own URL, the current one marked', async () => {
    const { user, location } = renderApp('/grids/production/services/shop/app');
    const tabs = await screen.findByRole('navigation', { name: 'Service sections' });
    expect(within(tabs).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: 'Events' })).toHaveAttribute('href', '/grids/production/services/shop/app/events');
    await user.click(within(tabs).getByRole('link', { name: 'Settings' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/services/shop/app/settings'));
    await waitFor(() => expect(within(tabs).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page'));
    expect(within(tabs).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('shows hostile strings as text', async () => {
    await sim.t.api('POST', '/v1/services/production/null/docs/envs', { body: { env: 'HTML=<img src=x onerror="window.pwned=1">' } });
    const { user } = renderApp('/grids/production/services/null/docs');
    const env = await screen.findByRole('region', { name: 'Environment' });
    await user.click(within(env).getByRole('button', { name: 'Show the value of HTML' }));
    expect(within(env).getByText('<img src=x onerror="window.pwned=1">')).toBeVisible();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('environment (service env add/rm)', () => {
  it('adds KEY=VALUE with POST …/envs and shows the new variable with the redeploy note', async () => {
    const { user } = renderApp('/grids/production/services/null/docs');
    const env = await screen.findByRole('region', { name: 'Environment' });
    await user.type(within(env).getByLabelText('Add variable'), 'GREETING=hello = world');
    await user.click(within(env).getByRole('button', { name: 'Add' }));

    expect(await within(env).findByRole('row', { name: /GREETING/ })).toBeVisible();
    expect(changes()).toEqual([
      { method: 'POST', path: '/v1/services/production/null/docs/envs', body: { env: 'GREETING=hello = world' } },
    ]);
    expect(within(env).getByRole('status')).toHaveTextContent('Added GREETING. The master redeploys the running service about 20 s later.');
    expect(within(env).getByLabelText('Add variable')).toHaveValue('');
    expect((await serviceJsonOf('production/null/docs')).env).toContain('GREETING=hello = world');
  });

  it('refuses an entry without = before sending anything', async () => {
    const { user } = renderApp('/grids/production/services/null/docs');
    const env = await screen.findByRole('region', { name: 'Environment' });
    const field = within(env).getByLabelText('Add variable');
    await user.type(field, 'JUSTAKEY');
    await user.click(within(env).getByRole('button', { name: 'Add' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/write KEY=VALUE/);
    expect(changes()).toEqual([]);
  });

  it('shows the master’s un-wrapped 422 at the field', async () => {
    sim.server.use(
      http.post(/\/v1\/services\/production\/null\/docs\/envs$/, () => HttpResponse.json({ env: "Env can't be blank" }, { status: 422 })),
    );
    const { user } = renderApp('/grids/production/services/null/docs');
    const env = await screen.findByRole('region', { name: 'Environment' });
    const field = within(env).getByLabelText('Add variable');
    await user.type(field, 'A=1');
    await user.click(within(env).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription("Env can't be blank"));
    expect(field).toHaveValue('A=1');
  });

  it('removes a key with DELETE …/envs/KEY after saying that every entry of it goes', async () => {
    await sim.t.api('POST', '/v1/services/production/null/docs/envs', { body: { env: 'DUP=one' } });
    await sim.t.api('POST', '/v1/services/production/null/docs/envs', { body: { env: 'DUP=two' } });
    const { user } = renderApp('/grids/production/services/null/docs');
    const env = await screen.findByRole('region', { name: 'Environment' });
    expect(within(env).getAllByRole('row', { name: /DUP/ })).toHaveLength(2);
    await user.click(within(env).getAllByRole('button', { name: 'Remove DUP (all 2 entries)' })[1] ?? document.body);
    expect(within(env).getByText('Removes all 2 entries of DUP.')).toBeVisible();
    await user.click(within(env).getByRole('button', { name: 'Yes, remove DUP' }));

    await waitFor(() => expect(within(env).queryAllByRole('row', { name: /DUP/ })).toHaveLength(0));
    expect(changes()).toEqual([{ method: 'DELETE', path: '/v1/services/production/null/docs/envs/DUP', body: undefined }]);
    expect(within(env).getByRole('status')).toHaveTextContent('Removed DUP.');
    expect((await serviceJsonOf('production/null/docs')).env).not.toContainEqual(expect.stringMatching(/^DUP=/));
  });
});

describe('secrets (service secret link/unlink)', () => {
  it('links a vault secret by GET then PUT of the whole list', async () => {
    const { user } = renderApp('/grids/production/services/shop/sidekiq');
    const secrets = await screen.findByRole('region', { name: 'Secrets' });
    await user.type(within(secrets).getByRole('combobox', { name: 'Vault secret' }), 'DB_PASSWORD');
    await user.type(within(secrets).getByLabelText('As variable'), 'DATABASE_PASSWORD');
    const before = sim.sent().length;
    await user.click(within(secrets).getByRole('button', { name: 'Link secret' }));

    expect(await within(secrets).findByRole('row', { name: /DB_PASSWORD/ })).toHaveTextContent('DATABASE_PASSWORD');
    expect(
      sim
        .sent()
        .slice(before, before + 2)
        .map((s) => `${s.method} ${s.path}`),
    ).toEqual(['GET /v1/services/production/shop/sidekiq', 'PUT /v1/services/production/shop/sidekiq']);
    expect(changes()[0]?.body).toEqual({
      secrets: [
        { secret: 'SMTP_PASSWORD', name: 'SMTP_PASSWORD', type: 'env' },
        { secret: 'DB_PASSWORD', name: 'DATABASE_PASSWORD', type: 'env' },
      ],
    });
    expect(within(secrets).getByRole('status')).toHaveTextContent(
      'Linked secret DB_PASSWORD as DATABASE_PASSWORD. The master redeploys the running service about 20 s later.',
    );
  });

  it('shows “Secret X does not exist” at the field', async () => {
    const { user } = renderApp('/grids/production/services/shop/sidekiq');
    const secrets = await screen.findByRole('region', { name: 'Secrets' });
    const field = within(secrets).getByRole('combobox', { name: 'Vault secret' });
    await user.type(field, 'NOPE');
    await user.click(within(secrets).getByRole('button', { name: 'Link secret' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('Secret NOPE does not exist'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('unlinks one secret and keeps the others', async () => {
    const { user } = renderApp('/grids/production/services/null/api');
    const secrets = await screen.findByRole('region', { name: 'Secrets' });
    await user.click(within(secrets).getByRole('button', { name: 'Unlink secret DB_PASSWORD (DATABASE_PASSWORD)' }));

    await waitFor(() => expect(within(secrets).queryByRole('row', { name: /DB_PASSWORD/ })).toBeNull());
    expect(changes()).toEqual([
      {
        method: 'PUT',
        path: '/v1/services/production/null/api',
        body: { secrets: [{ secret: 'STRIPE_API_KEY', name: 'STRIPE_KEY', type: 'env' }] },
      },
    ]);
    expect(arr((await serviceJsonOf('production/null/api')).secrets)).toHaveLength(1);
  });

  it('says why an unlink failed: the secret was unlinked meanwhile by someone else', async () => {
    const { user } = renderApp('/grids/production/services/null/api');
    const secrets = await screen.findByRole('region', { name: 'Secrets' });
    await sim.t.api('PUT', '/v1/services/production/null/api', {
      body: { secrets: [{ secret: 'STRIPE_API_KEY', name: 'STRIPE_KEY', type: 'env' }] },
    });
    await user.click(within(secrets).getByRole('button', { name: 'Unlink secret DB_PASSWORD (DATABASE_PASSWORD)' }));

    expect(await within(secrets).findByRole('alert')).toHaveTextContent(
      'Could not unlink: Secret DB_PASSWORD is not linked as DATABASE_PASSWORD (any more)',
    );
    expect(changes()).toEqual([]);
  });
});

describe('links (service link/unlink)', () => {
  it('links a service by PUT of the links list with S/N names', async () => {
    const { user } = renderApp('/grids/production/services/shop/web');
    const links = await screen.findByRole('region', { name: 'Links' });
    await user.type(within(links).getByRole('combobox', { name: 'Link to service' }), 'redis');
    await user.type(within(links).getByLabelText('Alias'), 'cache');
    await user.click(within(links).getByRole('button', { name: 'Link service' }));

    expect(await within(links).findByRole('link', { name: 'redis' })).toHaveAttribute('href', '/grids/production/services/null/redis');
    expect(changes()).toEqual([
      {
        method: 'PUT',
        path: '/v1/services/production/shop/web',
        body: {
          links: [
            { name: 'shop/app', alias: 'app' },
            { name: 'null/redis', alias: 'cache' },
          ],
        },
      },
    ]);
  });

  it('unlinks without re-pointing cross-stack links (the CLI’s bug)', async () => {
    const { user } = renderApp('/grids/production/services/shop/app');
    const links = await screen.findByRole('region', { name: 'Links' });
    await user.click(within(links).getByRole('button', { name: 'Unlink shop/postgres' }));

    await waitFor(() => expect(within(links).queryByRole('button', { name: 'Unlink shop/postgres' })).toBeNull());
    expect(changes()).toEqual([
      { method: 'PUT', path: '/v1/services/production/shop/app', body: { links: [{ name: 'null/redis', alias: 'redis' }] } },
    ]);
    expect((await serviceJsonOf('production/shop/app')).links).toEqual([{ id: 'production/null/redis', alias: 'redis', name: 'redis' }]);
    expect(within(links).getByRole('link', { name: 'redis' })).toHaveAttribute('href', '/grids/production/services/null/redis');
  });

  it('shows the master’s refusal of an unknown service at the field', async () => {
    const { user } = renderApp('/grids/production/services/shop/web');
    const links = await screen.findByRole('region', { name: 'Links' });
    const field = within(links).getByRole('combobox', { name: 'Link to service' });
    await user.type(field, 'shop/nope');
    await user.click(within(links).getByRole('button', { name: 'Link service' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('Service shop/nope does not exist'));
  });

  it('lists the services that link to this one', async () => {
    renderApp('/grids/production/services/null/redis');
    const links = await screen.findByRole('region', { name: 'Links' });
    const incoming = await within(links).findByRole('list', { name: 'Services that link to this one' });
    expect(
      within(incoming)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(expect.arrayContaining(['api', 'worker', 'shop/app', 'shop/sidekiq']));
    expect(within(links).getByText(/refuses to remove redis/)).toBeVisible();
  });
});

describe('a service that goes away', () => {
  it('turns into a “no longer exists” page with the way back', async () => {
    const { queryClient } = renderApp('/grids/production/services/null/docs');
    expect(await screen.findByRole('region', { name: 'Summary' })).toBeVisible();
    expect((await sim.t.api('DELETE', '/v1/services/production/null/docs')).status).toBe(200);
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    expect(await screen.findByRole('heading', { name: 'Service “docs” no longer exists' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the services' })).toHaveAttribute('href', '/grids/production/services');
  });

  it('a change to a service removed meanwhile leads to the same page', async () => {
    const { user } = renderApp('/grids/production/services/null/docs');
    const env = await screen.findByRole('region', { name: 'Environment' });
    await sim.t.api('DELETE', '/v1/services/production/null/docs');
    await user.type(within(env).getByLabelText('Add variable'), 'LATE=1');
    await user.click(within(env).getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('heading', { name: 'Service “docs” no longer exists' })).toBeVisible();
  });

  it('an address of no service says so', async () => {
    renderApp('/grids/production/services/null/gone');
    expect(await screen.findByRole('heading', { name: 'There is no service “gone” in grid production' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the services' })).toHaveAttribute('href', '/grids/production/services');
  });
});

describe('events tab (service events)', () => {
  it('follows the event stream: a deploy’s events appear, type without service:, node, severity', async () => {
    renderApp('/grids/production/services/null/docs/events');
    const tab = await screen.findByRole('region', { name: 'Events' });
    await within(tab).findByText('live');
    // The master's words, and what the table shows of them: a default-stack service by its name alone.
    const onMaster = 'service production/null/docs deploy started';
    const started = 'service docs deploy started';
    const countOnMaster = async () =>
      arr(obj((await sim.t.api('GET', '/v1/services/production/null/docs/event_logs?limit=1000')).body).logs).filter(
        (e) => obj(e).message === onMaster,
      ).length;
    const before = await countOnMaster();
    await waitFor(() => expect(within(tab).queryAllByText(started)).toHaveLength(before));

    expect((await sim.t.api('POST', '/v1/services/production/null/docs/deploy', { body: {} })).status).toBe(200);
    await act(() => sim.t.clock.advanceAsync(3_000, 250));

    expect(await countOnMaster()).toBe(before + 1);
    await waitFor(() => expect(within(tab).getAllByText(started)).toHaveLength(before + 1));
    const row = within(tab).getAllByText(started)[0]?.closest('tr');
    expect(row).toBeTruthy();
    expect(within(row ?? tab).getByText('deploy')).toBeVisible();
    expect(within(row ?? tab).getByText('info')).toBeVisible();
    expect(within(row ?? tab).getByText('master')).toBeVisible();
    // An agent event names its node.
    await waitFor(() =>
      expect(
        within(tab)
          .getAllByRole('row')
          .some((r) => /prod-node-\d/.test(r.textContent ?? '')),
      ).toBe(true),
    );
  });

  it('resumes a dropped stream with no duplicate and no gap', async () => {
    renderApp('/grids/production/services/null/docs/events?lines=1000');
    const tab = await screen.findByRole('region', { name: 'Events' });
    await within(tab).findByText('live');
    const eventsOnMaster = async () =>
      arr(obj((await sim.t.api('GET', '/v1/services/production/null/docs/event_logs?limit=1000')).body).logs).length;
    const rows = () => within(tab).getAllByRole('row').length - 1;
    const initial = await eventsOnMaster();
    await waitFor(() => expect(rows()).toBe(initial));

    // The master restarts: the stream ends and the tab reconnects from its last event.
    act(() => sim.t.master.restart(0));
    await within(tab).findByText('reconnecting…');
    await within(tab).findByText('live', {}, { timeout: 5_000 });
    await act(() => sim.t.clock.advanceAsync(1_000, 250));
    expect(rows()).toBe(initial);

    await sim.t.api('POST', '/v1/services/production/null/docs/deploy', { body: {} });
    await act(() => sim.t.clock.advanceAsync(3_000, 250));
    const after = await eventsOnMaster();
    expect(after).toBeGreaterThan(initial);
    await waitFor(() => expect(rows()).toBe(after));
  });

  it('keeps lines, since and follow in the URL', async () => {
    // The query of each event request (the shared request log keeps only the path).
    const eventQueries: URLSearchParams[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/event_logs')) eventQueries.push(url.searchParams);
    };
    sim.server.events.on('request:start', onRequest);
    onTestFinished(() => sim.server.events.removeListener('request:start', onRequest));
    const { user, location } = renderApp('/grids/production/services/null/docs/events');
    const tab = await screen.findByRole('region', { name: 'Events' });
    await user.clear(within(tab).getByLabelText('Lines'));
    await user.type(within(tab).getByLabelText('Lines'), '20{Enter}');
    expect(location().search).toBe('?lines=20');
    await user.click(within(tab).getByLabelText('Follow new events'));
    expect(location().search).toBe('?lines=20&follow=0');
    expect(await within(tab).findByText('not following')).toBeVisible();
    const request = sim
      .sent()
      .filter((s) => s.path.endsWith('/event_logs'))
      .at(-1);
    expect(request).toBeTruthy();
    // Not following: one window of the last 20, not a stream.
    const last = eventQueries.at(-1);
    expect(last?.get('limit')).toBe('20');
    expect(last?.has('follow')).toBe(false);
  });
});

describe('polling on the service page', () => {
  it('the overview’s instance table stays live on the header’s poll: one service and one containers request per 5 s', async () => {
    // Only intervals are faked: TanStack Query polls with setInterval; waitFor and MSW keep real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    renderApp('/grids/production/services/null/api');
    const instances = await screen.findByRole('region', { name: 'Instances' });
    await waitFor(() => expect(within(instances).getAllByRole('row').length).toBeGreaterThan(3));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    const polls = () =>
      sim.sent().filter((r) => r.method === 'GET' && /^\/v1\/services\/production\/null\/api(\/containers)?$/.test(r.path)).length;
    const before = polls();

    const stopped = await sim.t.api('POST', '/v1/services/production/null/api/stop');
    expect(stopped.status).toBe(200);
    await sim.t.clock.advanceAsync(10_000, 250);
    act(() => vi.advanceTimersByTime(5_000));
    await waitFor(() => expect(within(instances).queryAllByText('running')).toHaveLength(0));
    act(() => vi.advanceTimersByTime(5_000));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(polls() - before).toBe(4);
  });
});

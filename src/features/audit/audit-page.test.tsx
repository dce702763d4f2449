// @vitest-environment jsdom
// The audit trail and the "changed by" line against the simulated master (Node door): a
// fresh demo master per test, whose audit log starts empty, on a still clock.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { AUDIT_POLL_MS } from './audit-page';

const sim = setupSimulatorForDomTests({ live: false, clientOnMasterClock: true });

const CLI = { 'User-Agent': 'kontena-cli/1.2.0', 'X-Forwarded-For': '203.0.113.7' };

/** Three changes a minute apart, by the CLI from 203.0.113.7: add_env on api, scale worker, update the grid. */
async function threeChanges(): Promise<void> {
  expect((await sim.t.api('POST', '/v1/services/production/null/api/envs', { body: { env: 'FOO=bar' }, headers: CLI })).status).toBe(200);
  sim.t.clock.advance(60_000);
  expect((await sim.t.api('POST', '/v1/services/production/null/worker/scale', { body: { instances: 2 }, headers: CLI })).status).toBe(200);
  sim.t.clock.advance(60_000);
  expect((await sim.t.api('PUT', '/v1/grids/production', { body: {}, headers: CLI })).status).toBe(200);
  sim.t.clock.advance(60_000);
}

const table = () => screen.findByRole('table', { name: /entries/ });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const actions = async () => (await bodyRows()).map((row) => within(row).getAllByRole('cell')[2]?.textContent);

describe('audit trail', () => {
  it('lists the entries newest first: time, user, action, resource (linked), source IP and agent', async () => {
    await threeChanges();
    renderApp('/grids/production/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    expect(await screen.findByRole('heading', { level: 2, name: '3 entries' })).toBeVisible();
    expect(await actions()).toEqual(['update', 'scale', 'add_env']);

    const [grid, worker, api] = await bodyRows();
    if (!grid || !worker || !api) throw new Error('three rows expected');
    expect(api).toHaveTextContent('admin');
    expect(api).toHaveTextContent('203.0.113.7');
    expect(api).toHaveTextContent('kontena-cli/1.2.0');
    expect(api).toHaveTextContent('3 min ago');
    expect(
      within(api)
        .getByRole('cell', { name: /min ago/ })
        .querySelector('time'),
    ).toHaveAttribute('dateTime', '2017-04-06T12:00:00.000Z');
    expect(api).toHaveTextContent('Service');
    await waitFor(() =>
      expect(within(api).getByRole('link', { name: 'api' })).toHaveAttribute('href', '/grids/production/services/null/api'),
    );
    expect(within(worker).getByRole('link', { name: 'worker' })).toHaveAttribute('href', '/grids/production/services/null/worker');
    expect(within(grid).getByRole('link', { name: 'production' })).toHaveAttribute('href', '/grids/production');
    expect(grid).toHaveTextContent('1 min ago');
    expect(sim.sent().some((r) => r.path === '/v1/grids/production/audit_log')).toBe(true);
  });

  it('filters by user, resource and action, keeps them in the URL, and reads them back after a reload', async () => {
    await threeChanges();
    const { user, location } = renderApp('/grids/production/audit');
    await table();
    const search = screen.getByRole('search', { name: 'Filter the audit trail' });
    await user.selectOptions(within(search).getByLabelText('Resource type'), 'GridService');
    await waitFor(async () => expect(await actions()).toEqual(['scale', 'add_env']));
    await user.type(within(search).getByLabelText('Resource name'), 'work');
    await waitFor(async () => expect(await actions()).toEqual(['scale']));
    await user.type(within(search).getByLabelText('User'), 'adm');
    await waitFor(() => expect(location().search).toBe('?user=adm&type=GridService&resource=work'));
    expect(screen.getByRole('heading', { level: 2, name: '1 of 3 entries' })).toBeVisible();

    await user.selectOptions(within(search).getByLabelText('Action'), 'add_env');
    expect(await screen.findByText('No entries match these filters.')).toBeVisible();
    expect(location().search).toBe('?user=adm&type=GridService&resource=work&action=add_env');

    // A reload: the same URL in a fresh app.
    const url = `${location().pathname}${location().search}`;
    cleanup();
    const reloaded = renderApp(url);
    const again = await screen.findByRole('search', { name: 'Filter the audit trail' });
    expect(within(again).getByLabelText('Resource name')).toHaveValue('work');
    expect(within(again).getByLabelText('User')).toHaveValue('adm');
    expect(within(again).getByLabelText('Action')).toHaveValue('add_env');
    expect(await screen.findByText('No entries match these filters.')).toBeVisible();
    await reloaded.user.click(within(again).getByRole('button', { name: 'Clear filters' }));
    expect(reloaded.location().search).toBe('');
    expect(await actions()).toEqual(['update', 'scale', 'add_env']);
  });

  it('a quoted name matches it whole; a user that did nothing matches nothing', async () => {
    await threeChanges();
    renderApp('/grids/production/audit?resource=%22api%22');
    expect(await actions()).toEqual(['add_env']);
    cleanup();
    renderApp('/grids/production/audit?user=nobody@example.com');
    expect(await screen.findByText('No entries match these filters.')).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: '0 of 3 entries' })).toBeVisible();
  });

  it('links a service name that several stacks hold to each of them (the master records the name only)', async () => {
    const created = await sim.t.api('POST', '/v1/grids/production/services', {
      body: { name: 'web', image: 'nginx:1.11-alpine', stateful: false },
    });
    expect(created.status).toBe(201);
    renderApp('/grids/production/audit');
    const [row] = await bodyRows();
    if (!row) throw new Error('one row expected');
    expect(row).toHaveTextContent('create');
    await waitFor(() =>
      expect(within(row).getByRole('link', { name: 'shop/web' })).toHaveAttribute('href', '/grids/production/services/shop/web'),
    );
    expect(within(row).getByRole('link', { name: 'web' })).toHaveAttribute('href', '/grids/production/services/null/web');
    expect(row).toHaveTextContent(/shop\/web or web|web or shop\/web/);
  });

  it('shows a change made elsewhere after one poll', async () => {
    // Only intervals are faked: TanStack Query polls with setInterval; waitFor and MSW keep real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    await threeChanges();
    renderApp('/grids/production/audit');
    await waitFor(async () => expect(await actions()).toHaveLength(3));
    expect((await sim.t.api('POST', '/v1/services/production/shop/web/restart')).status).toBe(200);
    act(() => vi.advanceTimersByTime(AUDIT_POLL_MS));
    await waitFor(async () => expect(await actions()).toEqual(['restart', 'update', 'scale', 'add_env']));
    const [newest] = await bodyRows();
    expect(newest && within(newest).getByRole('link', { name: 'shop/web' })).toHaveAttribute('href', '/grids/production/services/shop/web');
  });

  it('reads a longer window on request, kept in the URL, and draws long lists 200 rows at a time', async () => {
    for (let i = 0; i < 501; i++) expect((await sim.t.api('PUT', '/v1/grids/production', { body: {} })).status).toBe(200);
    const { user, location } = renderApp('/grids/production/audit');
    expect(await screen.findByRole('heading', { level: 2, name: '500 entries' })).toBeVisible();
    expect(screen.getByText('the newest 500 the master returned')).toBeVisible();
    expect(await bodyRows()).toHaveLength(200);
    expect(screen.getByRole('button', { name: 'Show 200 more of 300' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Read the newest 1000' }));
    expect(await screen.findByRole('heading', { level: 2, name: '501 entries' })).toBeVisible();
    expect(screen.getByText('all the master keeps for this grid')).toBeVisible();
    expect(location().search).toBe('?limit=1000');
    expect(screen.getByLabelText('Read the newest')).toHaveValue('1000');
  });

  it('says so when nothing is recorded yet, and when the log cannot be read', async () => {
    renderApp('/grids/production/audit');
    expect(await screen.findByText(/Nothing recorded in this grid yet/)).toBeVisible();
    cleanup();
    sim.server.use(http.get('*/v1/grids/production/audit_log', () => HttpResponse.json({ error: 'boom' }, { status: 500 })));
    renderApp('/grids/production/audit');
    expect(await screen.findByRole('heading', { name: /audit trail/i, level: 2 })).toBeVisible();
    expect(screen.getByRole('button', { name: /retry/i })).toBeVisible();
  });
});

describe('LastChange on the service page', () => {
  it('shows the newest change of the service and links to the audit trail narrowed to it', async () => {
    await threeChanges();
    expect((await sim.t.api('POST', '/v1/services/production/null/api/envs', { body: { env: 'BAZ=1' } })).status).toBe(200);
    sim.t.clock.advance(120_000);
    const { user, location } = renderApp('/grids/production/services/null/api');
    const line = await screen.findByRole('link', { name: /^Changed by admin/ });
    expect(line).toHaveTextContent('Changed by admin 2 min ago: add_env');
    expect(line).toHaveAttribute('href', '/grids/production/audit?type=GridService&resource=%22api%22');
    await user.click(line);
    expect(location().pathname).toBe('/grids/production/audit');
    await waitFor(async () => expect(await actions()).toEqual(['add_env', 'add_env']));
    expect(screen.getByRole('heading', { level: 2, name: '2 of 4 entries' })).toBeVisible();
  });

  it('says "No recorded changes" for a service the recent log does not name', async () => {
    await threeChanges();
    renderApp('/grids/production/services/null/redis');
    expect(await screen.findByText(/No recorded changes/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute('href', '/grids/production/audit');
  });
});

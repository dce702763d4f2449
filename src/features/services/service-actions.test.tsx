// @vitest-environment jsdom
// Every lifecycle action against the simulated master (its Node door, fake clock): the
// request the app sends, and what the list or the service page shows afterwards.
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../test/app/render-app';
import { grid, rowOf, setUpSimulatedMaster } from '../../../test/features/services/testing-master';

const sim = setUpSimulatedMaster();

type User = ReturnType<typeof renderApp>['user'];

async function openList() {
  const view = renderApp('/grids/production/services');
  await screen.findByRole('grid', { name: 'Services in production' });
  return view;
}

async function rowMenu(user: User, name: string, item: string) {
  await user.click(within(rowOf(name)).getByRole('button', { name: `Actions for ${name}` }));
  const menu = await screen.findByRole('menu', { name: `Actions for ${name}` });
  await user.click(within(menu).getByRole('menuitem', { name: new RegExp(`^${item}`) }));
}

/** The master's clock moves on; then the app's polls (list, deploys) run once. */
async function later(queryClient: QueryClient, ms: number) {
  await act(() => sim.advance(ms));
  await act(() => queryClient.refetchQueries({ type: 'active' }));
}

describe('row actions', () => {
  it('deploy: sends it, follows the deploy record to the end, and tells the outcome', async () => {
    const { user, queryClient } = await openList();
    await rowMenu(user, 'docs', 'Deploy');
    await waitFor(() => expect(sim.actions()).toEqual(['POST /v1/services/production/null/docs/deploy']));
    expect(sim.sent().find((r) => r.method === 'POST')?.body).toEqual({});
    expect(await screen.findByText('Deploy of docs started')).toBeVisible();

    const panel = await screen.findByRole('region', { name: 'Deploy: docs' });
    expect(panel).toHaveTextContent(/queued|sent/);
    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));
    // Finished: one line that says the outcome; the instances a click away.
    expect(panel).toHaveTextContent(/Deployed 1\/1 in (under 1|\d+) s/);
    await user.click(within(panel).getByRole('button', { name: 'Details: Deploy of docs' }));
    expect(panel).toHaveTextContent('Finished: 1 of 1 instance deployed');
    expect(within(panel).getByRole('table')).toHaveTextContent(/#1\s*prod-node-\d\s*success/);
    expect(await screen.findByText('Deploy of docs finished')).toBeVisible();
    // The deploy is followed each second by GET …/deploys/:id, as the CLI does.
    expect(sim.sent().some((r) => r.method === 'GET' && /\/v1\/services\/production\/null\/docs\/deploys\/[0-9a-f]+$/.test(r.path))).toBe(
      true,
    );
  });

  it('force deploy sends {"force": true}', async () => {
    const { user } = await openList();
    await rowMenu(user, 'docs', 'Force deploy');
    await waitFor(() => expect(sim.sent().find((r) => r.method === 'POST')?.body).toEqual({ force: true }));
    expect(await screen.findByRole('region', { name: 'Force deploy: docs' })).toBeVisible();
  });

  it('scale: 1 → 3 sends {"instances": 3}, shows the progress, and the row shows 3/3 after', async () => {
    const { user, queryClient } = await openList();
    expect(rowOf('docs')).toHaveTextContent('1/1');
    await rowMenu(user, 'docs', 'Scale');
    const dialog = await screen.findByRole('dialog', { name: 'Scale docs' });
    const field = within(dialog).getByRole('textbox', { name: 'Instances' });
    expect(field).toHaveValue('1');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, '3{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sim.actions()).toEqual(['POST /v1/services/production/null/docs/scale']);
    expect(sim.sent().find((r) => r.method === 'POST')?.body).toEqual({ instances: 3 });

    const panel = await screen.findByRole('region', { name: 'Scale to 3: docs' });
    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));
    expect(panel).toHaveTextContent(/Scaled to 3: 3\/3 in (under 1|\d+) s/);
    await waitFor(() => expect(rowOf('docs')).toHaveTextContent('3/3'));
    expect(await screen.findByText('Scale to 3 of docs finished')).toBeVisible();
  });

  it('scale refuses a negative, fractional, empty or non-numeric count inline and sends nothing; 0 is allowed', async () => {
    const { user } = await openList();
    await rowMenu(user, 'docs', 'Scale');
    const dialog = await screen.findByRole('dialog', { name: 'Scale docs' });
    const field = within(dialog).getByRole('textbox', { name: 'Instances' });
    for (const [typed, message] of [
      ['-1', /cannot be negative/],
      ['1.5', /whole number/],
      ['', /enter the number/i],
      ['two', /whole number/],
    ] as const) {
      await user.clear(field);
      if (typed !== '') await user.type(field, typed);
      await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(message);
      expect(field).toHaveFocus();
    }
    expect(sim.actions()).toEqual([]);

    await user.clear(field);
    await user.type(field, '0');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(sim.sent().find((r) => r.method === 'POST')?.body).toEqual({ instances: 0 }));
  });

  it('scale of a stopped service: the master deletes the deploy record, and the panel says why instead of spinning', async () => {
    const { user, queryClient } = await openList();
    expect(rowOf('worker')).toHaveTextContent('stopped');
    await rowMenu(user, 'worker', 'Scale');
    const field = within(await screen.findByRole('dialog', { name: 'Scale worker' })).getByRole('textbox', { name: 'Instances' });
    await user.clear(field);
    await user.type(field, '4{Enter}');
    const panel = await screen.findByRole('region', { name: 'Scale to 4: worker' });
    await later(queryClient, 10_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'gone'));
    expect(panel).toHaveTextContent('The master dropped it: the service was not running');
    await user.click(within(panel).getByRole('button', { name: 'Details: Scale to 4 of worker' }));
    expect(panel).toHaveTextContent(/deleted this deploy record: the service was not running/);
    expect(panel).toHaveTextContent(/applies when the service is started or deployed/);
    expect(await screen.findByText('Scale to 4 of worker: the deploy record is gone')).toBeVisible();
  });

  it('stop, then start: each sends its signal and the row shows the new state without a manual refresh', async () => {
    const { user, queryClient } = await openList();
    await rowMenu(user, 'docs', 'Stop');
    expect(await screen.findByText('Stop signal sent to docs')).toBeVisible();
    await later(queryClient, 5_000);
    await waitFor(() => expect(rowOf('docs')).toHaveTextContent('stopped'));

    await rowMenu(user, 'docs', 'Start');
    expect(await screen.findByText('Start signal sent to docs')).toBeVisible();
    await later(queryClient, 5_000);
    await waitFor(() => expect(rowOf('docs')).toHaveTextContent('running'));
    expect(sim.actions()).toEqual(['POST /v1/services/production/null/docs/stop', 'POST /v1/services/production/null/docs/start']);
  });

  it('restart sends its signal', async () => {
    const { user } = await openList();
    await rowMenu(user, 'shop/web', 'Restart');
    expect(await screen.findByText('Restart signal sent to shop/web')).toBeVisible();
    expect(sim.actions()).toEqual(['POST /v1/services/production/shop/web/restart']);
  });

  it('remove: a confirmation naming the service, DELETE, then GET until 404, then "removed"', async () => {
    const { user } = await openList();
    await rowMenu(user, 'docs', 'Remove');
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove docs?' });
    expect(dialog).toHaveTextContent('The service docs and all its instances will be removed');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const sentBefore = sim.sent().length;
    await user.click(within(dialog).getByRole('button', { name: 'Remove service' }));
    expect(await screen.findByText('Removed docs')).toBeVisible();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const calls = sim
      .sent()
      .slice(sentBefore)
      .map((r) => `${r.method} ${r.path}`);
    const del = calls.indexOf('DELETE /v1/services/production/null/docs');
    expect(del).toBeGreaterThanOrEqual(0);
    expect(calls.slice(del + 1)).toContain('GET /v1/services/production/null/docs');
    expect(within(grid()).queryByRole('link', { name: 'docs' })).toBeNull();
  });

  it('remove of a linked service: the master’s 422 is shown as it says, and nothing is removed', async () => {
    const { user } = await openList();
    await rowMenu(user, 'redis', 'Remove');
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove redis?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove service' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/^Cannot delete service that is linked to another service \((\w|-|, )+\)$/);
    expect(alert).toHaveTextContent('api');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(rowOf('redis')).toBeVisible();
    expect((await sim.api('GET', '/v1/services/production/null/redis')).status).toBe(200);
  });

  it('a network error during an action: the error is shown with a retry, and no optimistic state is left', async () => {
    const { user } = await openList();
    sim.server.use(http.post('*/v1/services/production/null/docs/stop', () => HttpResponse.error(), { once: true }));
    await rowMenu(user, 'docs', 'Stop');
    const toast = (await screen.findByText('Stop of docs failed')).closest('div[class]')?.parentElement;
    if (!(toast instanceof HTMLElement)) throw new Error('no toast');
    expect(toast).toHaveTextContent(/cannot reach the kontena master/i);
    expect(rowOf('docs')).toHaveTextContent('running');
    expect((await sim.api('GET', '/v1/services/production/null/docs')).body).toMatchObject({ state: 'running' });

    await user.click(within(toast).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Stop signal sent to docs')).toBeVisible();
    expect((await sim.api('GET', '/v1/services/production/null/docs')).body).toMatchObject({ state: 'stopped' });
  });

  it('a 5xx while scaling: the dialog keeps the value and shows the error; scaling again works', async () => {
    const { user } = await openList();
    sim.server.use(
      http.post(
        '*/v1/services/production/null/docs/scale',
        () => HttpResponse.json({ message: 'Internal server error' }, { status: 500 }),
        { once: true },
      ),
    );
    await rowMenu(user, 'docs', 'Scale');
    const dialog = await screen.findByRole('dialog', { name: 'Scale docs' });
    const field = within(dialog).getByRole('textbox', { name: 'Instances' });
    await user.clear(field);
    await user.type(field, '2{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/HTTP 500/);
    expect(field).toHaveValue('2');
    expect(screen.queryByRole('region', { name: /Scale to 2/ })).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('region', { name: 'Scale to 2: docs' })).toBeVisible();
  });
});

describe('service page header', () => {
  it('deploys, scales, stops and starts from the header, and shows the deploy progress there', async () => {
    const { user, queryClient } = renderApp('/grids/production/services/null/docs');
    const actions = await screen.findByRole('group', { name: 'Actions for docs' });
    await user.click(within(actions).getByRole('button', { name: 'Deploy' }));
    const panel = await screen.findByRole('region', { name: 'Deploy: docs' });
    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));

    await user.click(within(actions).getByRole('button', { name: 'More deploy options' }));
    await user.click(await screen.findByRole('menuitem', { name: /force deploy/i }));
    await waitFor(() =>
      expect(
        sim
          .sent()
          .filter((r) => r.method === 'POST')
          .map((r) => r.body),
      ).toEqual([{}, { force: true }]),
    );

    await user.click(within(actions).getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('Stop signal sent to docs')).toBeVisible();
    await later(queryClient, 5_000);
    await user.click(await within(actions).findByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Start signal sent to docs')).toBeVisible();

    await user.click(within(actions).getByRole('button', { name: 'Scale' }));
    const field = within(await screen.findByRole('dialog', { name: 'Scale docs' })).getByRole('textbox', { name: 'Instances' });
    await user.clear(field);
    await user.type(field, '2{Enter}');
    expect(await screen.findByRole('region', { name: 'Scale to 2: docs' })).toBeVisible();
    expect(sim.actions()).toEqual([
      'POST /v1/services/production/null/docs/deploy',
      'POST /v1/services/production/null/docs/deploy',
      'POST /v1/services/production/null/docs/stop',
      'POST /v1/services/production/null/docs/start',
      'POST /v1/services/production/null/docs/scale',
    ]);
  });

  it('removes the service after confirming, then goes back to the list', async () => {
    const { user, location } = renderApp('/grids/production/services/null/nightly-report');
    const actions = await screen.findByRole('group', { name: 'Actions for nightly-report' });
    await user.click(within(actions).getByRole('button', { name: 'More actions for nightly-report' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove nightly-report?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove service' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/services'));
    expect(await screen.findByText('Removed nightly-report')).toBeVisible();
    expect(
      within(await screen.findByRole('grid', { name: 'Services in production' })).queryByRole('link', { name: 'nightly-report' }),
    ).toBeNull();
  });
});

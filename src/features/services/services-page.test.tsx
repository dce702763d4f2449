// @vitest-environment jsdom
// The services list against the simulated master (demo scenario, fake clock): what it
// shows, its filter/sort/URL state, the keyboard, and the bulk actions.
import { describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../test/app/render-app';
import { grid, rowOf, setUpSimulatedMaster } from '../../../test/features/services/testing-master';

const sim = setUpSimulatedMaster();

const rowNames = () =>
  within(grid())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('link').textContent);

describe('services list', () => {
  it('shows every service of the grid, all stacks, with its columns', async () => {
    renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    expect(rowNames()).toEqual([
      'api',
      'docs',
      'lb',
      'monitoring/alertmanager',
      'monitoring/grafana',
      'monitoring/node-exporter',
      'monitoring/prometheus',
      'nightly-report',
      'redis',
      'shop/app',
      'shop/postgres',
      'shop/sidekiq',
      'shop/web',
      'worker',
    ]);
    expect(screen.getByText(/14 services/)).toBeVisible();
    expect(within(grid()).getByRole('link', { name: 'shop/web' })).toHaveAttribute('href', '/grids/production/services/shop/web');

    const api = rowOf('api');
    expect(api).toHaveTextContent('myorg/api:2.4.1');
    expect(api).toHaveTextContent('running');
    expect(api).toHaveTextContent('3/3');
    expect(api).toHaveTextContent('3/3 healthy');
    expect(api).toHaveTextContent(/\d+ d ago/);
    expect(within(api).getByRole('gridcell', { name: /d ago/ }).querySelector('time')).toHaveAttribute('dateTime');
    expect(rowOf('docs')).toHaveTextContent('no health check');
    expect(rowOf('lb')).toHaveTextContent('0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp');
    expect(rowOf('lb')).toHaveTextContent('daemon');
    expect(rowOf('redis')).toHaveTextContent('yes');
    expect(rowOf('worker')).toHaveTextContent('stopped');
    expect(
      screen.getByText((_, el) => el?.tagName === 'SPAN' && /^Updated (just now|\d+ s ago)$/.test(el.textContent ?? '')),
    ).toBeVisible();
  });

  it('filters by text, state and stack, sorts on a column, and keeps all of it in the URL', async () => {
    const { user, location } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });

    await user.type(screen.getByRole('searchbox', { name: /filter services/i }), 'nginx');
    await waitFor(() => expect(rowNames()).toEqual(['docs', 'shop/web']));
    await waitFor(() => expect(new URLSearchParams(location().search).get('q')).toBe('nginx'));
    expect(screen.getByText(/2 of 14 services/)).toBeVisible();

    await user.clear(screen.getByRole('searchbox', { name: /filter services/i }));
    await user.click(screen.getByRole('button', { name: /^stopped/ }));
    await waitFor(() => expect(rowNames()).toEqual(['worker']));
    expect(screen.getByRole('button', { name: /^stopped/ })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: /^stopped/ }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Stack' }), 'shop');
    await waitFor(() => expect(rowNames()).toEqual(['shop/app', 'shop/postgres', 'shop/sidekiq', 'shop/web']));

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(rowNames()).toEqual(['shop/web', 'shop/sidekiq', 'shop/postgres', 'shop/app']);
    expect(screen.getByRole('columnheader', { name: /name/i })).toHaveAttribute('aria-sort', 'descending');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Refresh' }), '30');
    await waitFor(() => {
      const params = new URLSearchParams(location().search);
      expect(params.get('stack')).toBe('shop');
      expect(params.get('dir')).toBe('desc');
      expect(params.get('refresh')).toBe('30');
      expect(params.get('q')).toBeNull();
      expect(params.get('state')).toBeNull();
    });
  });

  it('opens with the view a link describes, and follows a link to another view', async () => {
    const { router } = renderApp('/grids/production/services?q=api&sort=instances&state=running');
    await screen.findByRole('grid', { name: 'Services in production' });
    expect(screen.getByRole('searchbox', { name: /filter services/i })).toHaveValue('api');
    expect(rowNames()).toEqual(['api']);
    expect(screen.getByRole('columnheader', { name: /instances/i })).toHaveAttribute('aria-sort', 'descending');

    await act(() => router.navigate('/grids/production/services?q=redis'));
    await waitFor(() => expect(screen.getByRole('searchbox', { name: /filter services/i })).toHaveValue('redis'));
    await waitFor(() => expect(rowNames()).toEqual(['redis']));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.getByRole('searchbox', { name: /filter services/i })).toHaveValue('api'));
  });

  it('keeps the same row elements, the selection and the focus across a refresh', async () => {
    const { user, queryClient } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    const docs = rowOf('docs');
    await user.click(within(docs).getByRole('checkbox', { name: 'Select docs' }));
    within(rowOf('redis')).getByRole('link').focus();

    await act(() => queryClient.refetchQueries({ type: 'active' }));
    expect(rowOf('docs')).toBe(docs);
    expect(within(rowOf('docs')).getByRole('checkbox')).toBeChecked();
    expect(document.activeElement).toBe(within(rowOf('redis')).getByRole('link'));
    expect(screen.getByText('1 selected')).toBeVisible();
  });

  it('says how many selected services the filter hides', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await user.click(within(rowOf('docs')).getByRole('checkbox', { name: 'Select docs' }));
    await user.click(within(rowOf('redis')).getByRole('checkbox', { name: 'Select redis' }));
    expect(screen.getByRole('toolbar', { name: 'Selected services' })).not.toHaveTextContent('hidden');
    await user.type(screen.getByRole('searchbox', { name: /filter services/i }), 'redis');
    await waitFor(() => expect(rowNames()).toEqual(['redis']));
    expect(screen.getByRole('toolbar', { name: 'Selected services' })).toHaveTextContent('2 selected (1 hidden by the filter)');
  });

  it('works from the keyboard: move, select, act, open; and lists the shortcuts under ?', async () => {
    const { user, location } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    rowOf('api').focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rowOf('docs'));
    await user.keyboard('j{ArrowUp}{ArrowDown}');
    expect(document.activeElement).toBe(rowOf('lb'));
    await user.keyboard(' ');
    expect(rowOf('lb')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('toolbar', { name: 'Selected services' })).toHaveTextContent('1 selected');
    await user.keyboard('{Escape}');
    expect(rowOf('lb')).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rowOf('worker'));

    await user.keyboard('m');
    const menu = await screen.findByRole('menu', { name: 'Actions for worker' });
    expect(within(menu).getByRole('menuitem', { name: 'Start' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());

    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent('Select or unselect the service');
    await user.click(within(help).getByRole('button', { name: 'Close' }));

    rowOf('redis').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location().pathname).toBe('/grids/production/services/null/redis'));
  });

  it('says when no service matches, and clears the filter', async () => {
    const { user } = renderApp('/grids/production/services?q=zzz');
    expect(await screen.findByText(/no service matches the filter/i)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    await waitFor(() => expect(rowNames()).toHaveLength(14));
  });

  it('says so when the grid has no services, and when the grid does not exist', async () => {
    sim.server.use(http.get('*/v1/grids/production/services', () => HttpResponse.json({ services: [] })));
    renderApp('/grids/production/services');
    expect(await screen.findByRole('heading', { name: 'No services in this grid yet' })).toBeVisible();
    cleanup();
    renderApp('/grids/nope/services');
    expect(await screen.findByRole('heading', { name: 'There is no grid “nope”' })).toBeVisible();
  });

  it('a first load that fails: the error with a retry that loads the list once the master answers', async () => {
    sim.server.use(
      http.get('*/v1/grids/production/services', () => HttpResponse.json({ message: 'Internal server error' }, { status: 500 }), {
        once: true,
      }),
    );
    const { user } = renderApp('/grids/production/services');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the services');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('grid', { name: 'Services in production' })).toBeVisible();
  });

  it('keeps the list, marked stale, when a refresh fails, and retries', async () => {
    const { queryClient, user } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    sim.server.use(
      http.get('*/v1/grids/production/services', () => HttpResponse.json({ message: 'Internal server error' }, { status: 500 }), {
        once: true,
      }),
    );
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    const note = await screen.findByText(/the latest refresh failed/i);
    expect(rowNames()).toHaveLength(14);
    await user.click(within(note.closest('[role="status"]') ?? document.body).getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(screen.queryByText(/the latest refresh failed/i)).toBeNull());
  });
});

describe('bulk actions', () => {
  it('restarts two selected services and reports a result for each', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await user.click(within(rowOf('docs')).getByRole('checkbox'));
    await user.click(within(rowOf('shop/web')).getByRole('checkbox'));
    const bar = screen.getByRole('toolbar', { name: 'Selected services' });
    expect(bar).toHaveTextContent('2 selected');
    await user.click(within(bar).getByRole('button', { name: 'Restart' }));

    const results = await screen.findByRole('region', { name: 'Results: Restart of 2 services' });
    expect(results).toHaveTextContent('all 2 done');
    expect(results).toHaveTextContent('Restart signal sent to docs');
    expect(results).toHaveTextContent('Restart signal sent to shop/web');
    expect(sim.actions()).toEqual(['POST /v1/services/production/null/docs/restart', 'POST /v1/services/production/shop/web/restart']);
    expect(await screen.findByText('Restart of 2 services: all done')).toBeVisible();
  });

  it('removes selected services after a confirmation naming them; a refused one is reported as the master said', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await user.click(within(rowOf('nightly-report')).getByRole('checkbox'));
    await user.click(within(rowOf('redis')).getByRole('checkbox'));
    await user.click(within(screen.getByRole('toolbar', { name: 'Selected services' })).getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove 2 services?' });
    expect(within(dialog).getByRole('list')).toHaveTextContent('nightly-reportredis');
    await user.click(within(dialog).getByRole('button', { name: 'Remove 2 services' }));

    const results = await screen.findByRole('region', { name: 'Results: Remove of 2 services' });
    expect(results).toHaveTextContent('1 of 2 done, 1 failed');
    expect(results).toHaveTextContent('Removed nightly-report');
    expect(results).toHaveTextContent(/Cannot delete service that is linked to another service \(.*api.*\)/);
    await waitFor(() => expect(within(grid()).queryByRole('link', { name: 'nightly-report' })).toBeNull());
    expect(rowOf('redis')).toHaveAttribute('aria-selected', 'true');
  });
});

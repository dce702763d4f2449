// @vitest-environment jsdom
// Deploy panels know when to go, against the simulated master (demo scenario, fake clock
// for the master, vi fake timers for the browser's "goes after a while"): a finished
// deploy folds to one line and goes by itself, held while pointed at; a failed one stays
// until dismissed; on a service's page the panel sits in the place kept for it, outside
// the header; a bulk deploy is one summary line, not a card per service twice over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { renderApp } from '../../../test/app/render-app';
import { HIDE_FINISHED_AFTER_MS } from './deploy-panel-state';
import { grid, rowOf, setUpSimulatedMaster } from '../../../test/features/services/testing-master';

const sim = setUpSimulatedMaster();

type User = ReturnType<typeof renderApp>['user'];

// The browser's timers are fake (they still run with real time, so the app's polls and
// Testing Library's waits work); a test moves them on by hand to see what goes when.
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The master's clock moves on (the deploy worker runs); then the app's polls run once. */
async function later(queryClient: QueryClient, ms: number) {
  await act(() => sim.advance(ms));
  await act(() => queryClient.refetchQueries({ type: 'active' }));
}

/** The browser's clock moves on by `ms`. */
async function browserLater(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

async function rowMenu(user: User, name: string, item: string) {
  await user.click(within(rowOf(name)).getByRole('button', { name: `Actions for ${name}` }));
  const menu = await screen.findByRole('menu', { name: `Actions for ${name}` });
  await user.click(within(menu).getByRole('menuitem', { name: new RegExp(`^${item}`) }));
}

describe('a finished deploy panel', () => {
  it('folds to one line with the outcome, counts down, and goes by itself; pointing at it keeps it', async () => {
    const { user, queryClient } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await rowMenu(user, 'docs', 'Deploy');
    const panel = await screen.findByRole('region', { name: 'Deploy: docs' });
    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));

    // One line: the outcome, the time to go, the details behind a button (no table).
    expect(panel).toHaveTextContent(/Deployed 1\/1 in (under 1|\d+) s/);
    expect(panel).toHaveTextContent(/hides in 1[12] s/);
    await browserLater(5_000);
    expect(panel).toHaveTextContent(/hides in [67] s/);
    expect(within(panel).queryByRole('table')).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Details: Deploy of docs' })).toHaveAttribute('aria-expanded', 'false');

    // Pointed at: it stays, however long.
    fireEvent.pointerEnter(panel);
    await waitFor(() => expect(panel).not.toHaveTextContent(/hides in/));
    await browserLater(3 * HIDE_FINISHED_AFTER_MS);
    expect(screen.getByRole('region', { name: 'Deploy: docs' })).toBe(panel);

    // Left alone again: its whole time again, then it goes.
    fireEvent.pointerLeave(panel);
    await waitFor(() => expect(panel).toHaveTextContent('hides in 12 s'));
    await browserLater(HIDE_FINISHED_AFTER_MS - 2_000);
    expect(panel).toHaveTextContent(/hides in [12] s/);
    expect(screen.getByRole('region', { name: 'Deploy: docs' })).toBeVisible();
    await browserLater(2_500);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Deploy: docs' })).toBeNull());
    expect(screen.queryByRole('region', { name: 'Deploys started here' })).toBeNull();
  });

  it('with its details open, stays until they are closed', async () => {
    const { user, queryClient } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await rowMenu(user, 'docs', 'Deploy');
    const panel = await screen.findByRole('region', { name: 'Deploy: docs' });
    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));
    const details = within(panel).getByRole('button', { name: 'Details: Deploy of docs' });
    await user.click(details);
    expect(within(panel).getByRole('table')).toHaveTextContent(/#1\s*prod-node-\d\s*success/);
    fireEvent.pointerLeave(panel);
    details.blur();
    await browserLater(3 * HIDE_FINISHED_AFTER_MS);
    expect(screen.getByRole('region', { name: 'Deploy: docs' })).toBe(panel);
  });

  it('of a failed deploy stays (with its reason) until dismissed', async () => {
    const { user, queryClient } = renderApp('/grids/staging/services');
    const staging = await screen.findByRole('grid', { name: 'Services in staging' });
    // payments: its image does not exist, so its deploy fails.
    const row = within(staging).getByRole('link', { name: 'payments' }).closest<HTMLElement>('[role="row"]');
    if (row === null) throw new Error('no row for payments');
    await user.click(within(row).getByRole('button', { name: 'Actions for payments' }));
    await user.click(within(await screen.findByRole('menu', { name: 'Actions for payments' })).getByRole('menuitem', { name: /^Deploy/ }));
    const panel = await screen.findByRole('region', { name: 'Deploy: payments' });
    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'error'));
    expect(panel).toHaveTextContent('Deploy failed');
    expect(panel).not.toHaveTextContent(/hides in/);
    await browserLater(5 * HIDE_FINISHED_AFTER_MS);
    expect(screen.getByRole('region', { name: 'Deploy: payments' })).toBe(panel);
    await user.click(within(panel).getByRole('button', { name: 'Dismiss: Deploy of payments' }));
    expect(screen.queryByRole('region', { name: 'Deploy: payments' })).toBeNull();
  });
});

describe('on a service’s page', () => {
  it('shows the panel in the place kept for it beside the tabs, never in the header, and it goes after a good finish', async () => {
    const { user, queryClient } = renderApp('/grids/production/services/null/docs');
    const actions = await screen.findByRole('group', { name: 'Actions for docs' });
    const pageHeader = actions.closest('header');
    expect(pageHeader).not.toBeNull();
    const slot = document.querySelector('[data-deploy-slot]');
    expect(slot).toBeEmptyDOMElement();
    const headerHtml = pageHeader?.innerHTML;

    await user.click(within(actions).getByRole('button', { name: 'Deploy' }));
    const panel = await screen.findByRole('region', { name: 'Deploy: docs' });
    // In the kept place (an overlay on the tab bar's line), not in the header: the
    // header's own content is what it was before.
    expect(slot?.contains(panel)).toBe(true);
    expect(pageHeader?.contains(panel)).toBe(false);
    expect(pageHeader?.innerHTML).toBe(headerHtml);
    expect(panel).toHaveTextContent(/queued|sent|deploying/);
    expect(within(panel).queryByRole('table')).toBeNull();

    await later(queryClient, 60_000);
    await waitFor(() => expect(panel).toHaveAttribute('data-deploy-state', 'success'));
    expect(panel).toHaveTextContent(/Deployed 1\/1 in (under 1|\d+) s/);
    expect(slot?.contains(panel)).toBe(true);
    await browserLater(HIDE_FINISHED_AFTER_MS + 500);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Deploy: docs' })).toBeNull());
    expect(slot).toBeEmptyDOMElement();
    expect(pageHeader?.innerHTML).toBe(headerHtml);
  });
});

describe('a bulk deploy', () => {
  const FIVE = ['docs', 'redis', 'monitoring/grafana', 'monitoring/alertmanager', 'shop/web'];

  it('is one summary line with counts in the tray (the cards a click away), and the results do not list the services again', async () => {
    const { user, queryClient } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    for (const name of FIVE) await user.click(within(rowOf(name)).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(within(screen.getByRole('toolbar', { name: 'Selected services' })).getByRole('button', { name: 'Deploy' }));

    const results = await screen.findByRole('region', { name: 'Results: Deploy of 5 services' });
    expect(results).toHaveTextContent('all 5 sent, each followed under Deploys');
    for (const name of FIVE) expect(results).not.toHaveTextContent(name);

    const tray = screen.getByRole('region', { name: 'Deploys started here' });
    expect(tray).toHaveTextContent('5 running');
    expect(within(tray).queryAllByRole('region')).toHaveLength(0);
    const showAll = within(tray).getByRole('button', { name: /Show all 5/ });
    expect(showAll).toHaveAttribute('aria-expanded', 'false');

    await later(queryClient, 60_000);
    await waitFor(() => expect(tray).toHaveTextContent('5 done'));
    // One toast for the whole, none per service: the tray has the counts.
    expect(screen.getByText('Deploy of 5 services: all sent')).toBeVisible();
    expect(screen.queryByText(/^Deploy of (docs|redis|shop\/web) finished$/)).toBeNull();
    await user.click(showAll);
    expect(within(tray).getAllByRole('region')).toHaveLength(5);
    expect(within(tray).getByRole('region', { name: 'Deploy: shop/web' })).toHaveTextContent(/Deployed 2\/2 in/);
    await user.click(within(tray).getByRole('button', { name: /Hide the list/ }));

    // A good finish goes by itself: the whole tray with it.
    await browserLater(HIDE_FINISHED_AFTER_MS + 500);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Deploys started here' })).toBeNull());
    expect(grid()).toBeVisible();
  });
});

// @vitest-environment jsdom
// The wall against the real simulated master (its Node door, demo scenario, fake clock):
// tiles, problems first, URL notes, theme, a stopped service moving up, an outage, and a
// revoked token turning into a full-screen message instead of a sign-in form.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setSession } from '../../api/session';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests({ scenario: 'demo', seed: 1, clientOnMasterClock: true });

function tiles(): HTMLElement[] {
  return [...screen.getByRole('list', { name: /services, problems first/i }).querySelectorAll<HTMLElement>(':scope > li')];
}

/** The first render loads the lazy route and its modules: slow on a busy machine. */
const FIRST_RENDER = { timeout: 15_000 };

const names = () => tiles().map((li) => li.querySelector('h2')?.textContent);

function nodeTiles(): HTMLElement[] {
  const row = screen.queryByRole('list', { name: 'Nodes, offline first' });
  return row === null ? [] : [...row.querySelectorAll<HTMLElement>(':scope > li')];
}

describe('wall page', () => {
  it('shows one tile per service of the grid, problems first, with no app chrome', async () => {
    renderApp('/wall?grid=staging');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('staging');
    // payments: its deploy fails (no such image), so nothing runs.
    const first = tiles()[0] as HTMLElement;
    expect(first.querySelector('h2')).toHaveTextContent('payments');
    expect(first).toHaveAttribute('data-problem', 'true');
    expect(first).toHaveTextContent(/Down/);
    expect(first).toHaveTextContent(/0 of 2 running/);
    await waitFor(() => expect(first).toHaveTextContent(/Deploy failed/));
    // The never-deployed cron comes last; every tile says how old its data is.
    expect(names().at(-1)).toBe('cron');
    for (const tile of tiles()) expect(tile).toHaveTextContent(/updated (just now|\d+ s ago)/);
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent(/1 problem/);
    expect(document.documentElement.dataset.theme).toBe('wall');
  });

  it('moves a service that is stopped in front of every service without a problem at the next refresh', async () => {
    const view = renderApp('/wall?grid=staging&theme=light');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
    expect(document.documentElement.dataset.theme).toBe('light');
    const before = names();
    expect(before.indexOf('mailhog')).toBeGreaterThan(0);

    expect((await sim.t.api('POST', '/v1/services/staging/null/mailhog/stop')).status).toBe(200);
    await sim.t.clock.advanceAsync(2_000, 100);
    await view.queryClient.refetchQueries({ type: 'active' });

    await waitFor(() => expect(names().slice(0, 2)).toEqual(['payments', 'mailhog']));
    const mailhog = tiles()[1] as HTMLElement;
    expect(mailhog).toHaveAttribute('data-problem', 'true');
    expect(mailhog).toHaveAttribute('data-tone', 'warn');
    expect(mailhog).toHaveTextContent(/Stopped/);
  });

  it('shows a note for each URL value it could not use, and uses the default instead', async () => {
    renderApp('/wall?grid=staging&rotate=soon&theme=neon&refesh=5s');
    const notes = await screen.findByRole('status', { name: 'Wall URL notes' }, FIRST_RENDER);
    expect(notes).toHaveTextContent('rotate=“soon”');
    expect(notes).toHaveTextContent('theme=“neon”');
    expect(notes).toHaveTextContent('Unknown parameter “refesh” ignored');
    expect(document.documentElement.dataset.theme).toBe('wall');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
  });

  it('says when a grid in the URL does not exist', async () => {
    renderApp('/wall?grid=nope');
    const notes = await screen.findByRole('status', { name: 'Wall URL notes' }, FIRST_RENDER);
    await waitFor(() => expect(notes).toHaveTextContent('There is no grid “nope”'));
  });

  it('filters by stack and name, and shows the grid on tiles when several grids share the wall', async () => {
    renderApp('/wall?stack=null&filter=api');
    await waitFor(() => expect(names()).toEqual(['production · api', 'staging · api']), FIRST_RENDER);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('stack null');
  });

  it('shows when the connection was lost, marks the tiles stale, and recovers by itself', async () => {
    const view = renderApp('/wall?grid=staging');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
    sim.t.master.restart(60_000);
    await view.queryClient.refetchQueries({ type: 'active' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Connection lost since \d\d:\d\d/);
    for (const tile of tiles()) {
      expect(tile).toHaveAttribute('data-stale', 'true');
      expect(tile).toHaveTextContent(/Stale/);
    }
    // The tiles keep the last data.
    expect(tiles()).toHaveLength(7);

    await sim.t.clock.advanceAsync(61_000, 1_000);
    await view.queryClient.refetchQueries({ type: 'active' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(tiles().every((tile) => tile.getAttribute('data-stale') === 'false')).toBe(true));
  });

  it('shows a full-screen message, not a sign-in form, when the master revokes the wall’s token', async () => {
    const view = renderApp('/wall?grid=staging');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
    expect((await sim.t.api('DELETE', `/oauth2/tokens/${sim.t.token}`)).status).toBe(201);
    await view.queryClient.refetchQueries({ type: 'active' });

    const heading = await screen.findByRole('heading', { name: 'This wall screen is signed out' });
    const message = heading.closest<HTMLElement>('[role="alert"]');
    if (message === null) throw new Error('the message is not an alert');
    expect(message).toHaveTextContent('kontena master token create --expires-in 0');
    expect(within(message).getByRole('link', { name: 'Sign in again' }).getAttribute('href')).toMatch(
      /^\/sign-in\?next=%2Fwall%3Fgrid%3Dstaging/,
    );
    expect(view.location().pathname).toBe('/wall');
    expect(screen.queryByLabelText(/token/i, { selector: 'input' })).toBeNull();
  });

  it('shows a row of node tiles with nodes=1: state and load of each, from one node list per grid', async () => {
    renderApp('/wall?grid=staging&nodes=1');
    await waitFor(() => expect(nodeTiles()).toHaveLength(3), FIRST_RENDER);
    expect(screen.getByRole('region', { name: 'Nodes' })).toBeVisible();
    expect(nodeTiles().map((t) => t.querySelector('h2')?.textContent)).toEqual([
      'Node stage-node-1',
      'Node stage-node-2',
      'Node stage-node-3',
    ]);
    for (const tile of nodeTiles()) {
      expect(tile).toHaveAttribute('data-tone', 'ok');
      expect(tile).toHaveTextContent(/Online/);
      expect(tile).toHaveTextContent(/CPU\s*\d+(\.\d)? %/);
      expect(tile).toHaveTextContent(/Mem\s*[\d.]+ (?:(?:[KMG]i)?B )?\/ [\d.]+ [KMG]iB/);
      expect(tile).toHaveTextContent(/updated (just now|\d+ s ago)/);
    }
    await waitFor(() => expect(tiles().length).toBe(7));
    const nodeRequests = sim.sent().filter((r) => r.path.includes('/nodes'));
    expect(new Set(nodeRequests.map((r) => r.path))).toEqual(new Set(['/v1/grids/staging/nodes']));
  });

  it('asks for no nodes without nodes=1', async () => {
    renderApp('/wall?grid=staging');
    await waitFor(() => expect(tiles().length).toBe(7), FIRST_RENDER);
    expect(screen.queryByRole('region', { name: 'Nodes' })).toBeNull();
    expect(sim.sent().some((r) => r.path.includes('/nodes'))).toBe(false);
  });

  it('puts an offline node first, in the offline tone, says how long it has been silent, and counts it in the header', async () => {
    const view = renderApp('/wall?grid=staging&nodes=1');
    await waitFor(() => expect(nodeTiles()).toHaveLength(3), FIRST_RENDER);
    sim.t.master.setNodeConnected('staging', 'stage-node-2', false);
    try {
      await sim.t.clock.advanceAsync(3 * 60_000, 10_000);
      await view.queryClient.refetchQueries({ type: 'active' });
      await waitFor(() => expect(nodeTiles()[0]?.querySelector('h2')).toHaveTextContent('stage-node-2'));
      const offline = nodeTiles()[0] as HTMLElement;
      expect(offline).toHaveAttribute('data-tone', 'danger');
      expect(offline).toHaveTextContent(/Offline/);
      expect(offline).toHaveTextContent(/Not reporting for \d+ min/);
      expect(offline).not.toHaveTextContent(/CPU/);
      expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('1 node offline');
    } finally {
      sim.t.master.setNodeConnected('staging', 'stage-node-2', true);
    }
    await view.queryClient.refetchQueries({ type: 'active' });
    await waitFor(() => expect(nodeTiles().every((t) => t.getAttribute('data-tone') !== 'danger')).toBe(true));
    expect(screen.getByRole('list', { name: 'Summary' })).not.toHaveTextContent('node offline');
  });

  it('marks the node tiles stale while the master is unreachable', async () => {
    const view = renderApp('/wall?grid=staging&nodes=1');
    await waitFor(() => expect(nodeTiles()).toHaveLength(3), FIRST_RENDER);
    sim.t.master.restart(60_000);
    await view.queryClient.refetchQueries({ type: 'active' });
    await screen.findByRole('alert');
    for (const tile of nodeTiles()) {
      expect(tile).toHaveAttribute('data-stale', 'true');
      expect(tile).toHaveTextContent(/Stale/);
    }
    await sim.t.clock.advanceAsync(61_000, 1_000);
    await view.queryClient.refetchQueries({ type: 'active' });
    await waitFor(() => expect(nodeTiles().every((tile) => tile.getAttribute('data-stale') === 'false')).toBe(true));
  });

  it('still sends a signed-out visitor of other pages to the sign-in form', async () => {
    const view = renderApp('/grids/staging/services');
    setSession(null);
    await waitFor(() => expect(view.location().pathname).toBe('/sign-in'));
  });
});

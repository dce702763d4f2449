// @vitest-environment jsdom
// The nodes list against the simulated master (Node door, fake clock), a fresh demo grid per test.
import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { NODES_POLL_MS } from './polling';

const sim = setupSimulatorForDomTests({ live: false, clientOnMasterClock: true });

const table = () => screen.findByRole('table', { name: /nodes/ });
const rowNames = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('link').textContent);
const rowOf = async (name: string) => {
  const link = within(await table()).getByRole('link', { name });
  const row = link.closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
};

describe('nodes list', () => {
  it('shows what `kontena node ls` prints, and more: state, agent, usage, last seen, labels', async () => {
    renderApp('/grids/production/nodes');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nodes' })).toBeVisible();
    expect(await rowNames()).toEqual(['prod-node-1', 'prod-node-2', 'prod-node-3', 'prod-node-4', 'prod-node-5']);
    const row = await rowOf('prod-node-2');
    expect(within(row).getByRole('link', { name: 'prod-node-2' })).toHaveAttribute('href', '/grids/production/nodes/prod-node-2');
    expect(row).toHaveTextContent('online');
    expect(row).toHaveTextContent(/\d+\.\d+\.\d+/); // agent version
    expect(row).toHaveTextContent(/ %/); // CPU, memory, disk
    expect(row).toHaveTextContent('of 4'); // CPUs
    expect(within(row).getByRole('list', { name: 'Labels of prod-node-2' })).toHaveTextContent('region=eu-west-1');
    expect(row).toHaveTextContent('role=edge');
    expect(screen.getByRole('heading', { level: 2, name: '5 nodes' })).toBeInTheDocument();
  });

  it('sorts on a column and filters by text and state, all in the URL', async () => {
    const { user, location } = renderApp('/grids/production/nodes');
    await table();
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(async () => expect((await rowNames())[0]).toBe('prod-node-5'));
    expect(screen.getByRole('columnheader', { name: /name/i })).toHaveAttribute('aria-sort', 'descending');
    expect(new URLSearchParams(location().search).get('dir')).toBe('desc');

    await user.click(screen.getByRole('button', { name: 'CPU' }));
    expect(new URLSearchParams(location().search).get('sort')).toBe('cpu');
    expect(screen.getByRole('columnheader', { name: /cpu/i })).toHaveAttribute('aria-sort', 'descending');

    await user.type(screen.getByRole('searchbox', { name: /filter nodes/i }), 'role=worker');
    await waitFor(async () => expect([...(await rowNames())].sort()).toEqual(['prod-node-3', 'prod-node-4', 'prod-node-5']));
    await waitFor(() => expect(new URLSearchParams(location().search).get('q')).toBe('role=worker'));
    expect(screen.getByText('Showing 3 of 5 nodes.')).toBeVisible();

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'offline');
    expect(new URLSearchParams(location().search).get('state')).toBe('offline');
    expect(await screen.findByText('No node matches the filter.')).toBeVisible();
  });

  it('reads its view from the URL', async () => {
    sim.t.master.setNodeConnected('production', 'prod-node-4', false);
    renderApp('/grids/production/nodes?state=offline&sort=name&dir=desc');
    expect(await rowNames()).toEqual(['prod-node-4']);
    expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('offline');
  });

  it('marks a node offline within one poll of it disconnecting, and recovers when it returns', async () => {
    // Only intervals are faked: TanStack Query polls with setInterval; waitFor and MSW keep real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      renderApp('/grids/production/nodes');
      expect(await rowOf('prod-node-3')).toHaveTextContent('online');

      sim.t.master.setNodeConnected('production', 'prod-node-3', false);
      act(() => vi.advanceTimersByTime(NODES_POLL_MS));
      await waitFor(async () => expect(await rowOf('prod-node-3')).toHaveTextContent(/offline\s*since/));
      expect(await rowOf('prod-node-3')).toHaveAttribute('data-state', 'offline');
      expect(screen.getByText(/1 offline/)).toBeVisible();

      sim.t.master.setNodeConnected('production', 'prod-node-3', true);
      act(() => vi.advanceTimersByTime(NODES_POLL_MS));
      await waitFor(async () => expect(await rowOf('prod-node-3')).toHaveAttribute('data-state', 'online'));
      expect(screen.queryByText(/\d offline/)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says "not reporting" for a connected node the master has not heard from for over 2 minutes', async () => {
    // live: false — no scheduler pass refreshes last_seen_at, so moving the clock silences every node.
    sim.t.clock.advance(3 * 60_000 + 5_000);
    renderApp('/grids/production/nodes');
    const row = await rowOf('prod-node-1');
    expect(row).toHaveAttribute('data-state', 'silent');
    expect(row).toHaveTextContent('not reporting');
    expect(row).toHaveTextContent('for 3 min');
    expect(screen.getByText(/5 not reporting/)).toBeVisible();
  });
});

// @vitest-environment jsdom
// The grid overview against the simulated master (Node door), a fresh demo grid per test.
import { describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { act, screen, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { arr, obj } from '../../../test/simulator/test-support';
import { OVERVIEW_POLL_MS } from './use-overview-data';

const sim = setupSimulatorForDomTests({ live: false });

const problemsList = () => screen.findByRole('list', { name: 'Problems, worst first' });

describe('grid overview', () => {
  it('lists problems first, each linking to its service or node', async () => {
    // A service asked for 2 instances whose deploy never ran: down; a stopped one.
    await sim.t.api('POST', '/v1/grids/production/services', { body: { name: 'broken', image: 'nginx:latest', instances: 2 } });
    await sim.t.api('POST', '/v1/services/production/null/broken/deploy', { body: {} });
    await sim.t.api('POST', '/v1/services/production/null/redis/stop', { body: {} });
    sim.t.master.setNodeConnected('production', 'prod-node-3', false);

    renderApp('/grids/production');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const list = await problemsList();
    const items = within(list).getAllByRole('listitem');
    // The offline node comes first, linking to its page.
    expect(items[0]).toHaveTextContent('Offline');
    expect(within(items[0] as HTMLElement).getByRole('link', { name: 'node prod-node-3' })).toHaveAttribute(
      'href',
      '/grids/production/nodes/prod-node-3',
    );
    const stopped = within(list).getByRole('link', { name: 'service redis' });
    expect(stopped).toHaveAttribute('href', '/grids/production/services/null/redis');
    expect(stopped.closest('li')).toHaveTextContent('Stopped');
    // Problems come before the counts on the page.
    const counts = screen.getByRole('heading', { name: 'The grid in numbers' });
    expect(list.compareDocumentPosition(counts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('counts nodes, services and instances, each number linking to its list', async () => {
    renderApp('/grids/production');
    const nodes = await screen.findByRole('list', { name: 'Nodes' });
    expect(within(nodes).getByRole('link', { name: '5 nodes' })).toHaveAttribute('href', '/grids/production/nodes');
    expect(within(nodes).getByRole('link', { name: '5 nodes online' })).toHaveAttribute('href', '/grids/production/nodes?state=online');
    expect(within(nodes).getByRole('link', { name: '0 nodes offline' })).toHaveAttribute('href', '/grids/production/nodes?state=offline');

    const services = await screen.findByRole('list', { name: 'Services' });
    const total = arr(obj((await sim.t.api('GET', '/v1/grids/production/services')).body).services).length;
    expect(within(services).getByRole('link', { name: `${total} services` })).toHaveAttribute('href', '/grids/production/services');
    expect(within(services).getByRole('link', { name: /services running$/ })).toHaveAttribute(
      'href',
      '/grids/production/services?state=running',
    );
    expect(screen.getByRole('list', { name: 'Instances' })).toBeVisible();
  });

  it('says a node is offline within one poll of it disconnecting, and recovers after it reconnects', async () => {
    // Only intervals are faked: TanStack Query polls with setInterval; waitFor and MSW keep real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      renderApp('/grids/production');
      const nodes = await screen.findByRole('list', { name: 'Nodes' });
      await within(nodes).findByRole('link', { name: '0 nodes offline' });
      expect(screen.queryByRole('link', { name: 'node prod-node-2' })).toBeNull();

      sim.t.master.setNodeConnected('production', 'prod-node-2', false);
      act(() => vi.advanceTimersByTime(OVERVIEW_POLL_MS));
      expect(await within(nodes).findByRole('link', { name: '1 node offline' })).toBeVisible();
      const list = await problemsList();
      expect(within(list).getByRole('link', { name: 'node prod-node-2' }).closest('li')).toHaveTextContent('Offline');

      sim.t.master.setNodeConnected('production', 'prod-node-2', true);
      act(() => vi.advanceTimersByTime(OVERVIEW_POLL_MS));
      expect(await within(nodes).findByRole('link', { name: '0 nodes offline' })).toBeVisible();
      expect(screen.queryByRole('link', { name: 'node prod-node-2' })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the latest audit entries newest first, each linking to the audit trail', async () => {
    await sim.t.api('POST', '/v1/grids/production/secrets', { body: { name: 'FIRST_ONE', value: 'x' } });
    sim.t.clock.advance(2_000);
    await sim.t.api('POST', '/v1/grids/production/secrets', { body: { name: 'SECOND_ONE', value: 'y' } });
    renderApp('/grids/production');
    const audit = await screen.findByRole('list', { name: 'Latest audit entries, newest first' });
    const entries = within(audit).getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('SECOND_ONE');
    expect(entries[1]).toHaveTextContent('FIRST_ONE');
    const link = within(entries[0] as HTMLElement).getByRole('link');
    expect(link.getAttribute('href')).toMatch(/^\/grids\/production\/audit\?/);
    expect(new URL(`http://x${link.getAttribute('href') ?? ''}`).searchParams.get('resource')).toBe('"SECOND_ONE"');
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute('href', '/grids/production/audit');
  });

  it('draws the grid’s load and switches the window in the URL', async () => {
    const { user, location } = renderApp('/grids/production');
    const group = await screen.findByRole('group', { name: 'Time window' });
    expect(within(group).getByRole('button', { name: '1 h' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('figure', { name: 'CPU' })).toBeVisible();
    await user.click(within(group).getByRole('button', { name: '24 h' }));
    expect(location().search).toBe('?window=24h');
    expect(within(group).getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('keeps what it showed, marked stale, when a poll fails', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      renderApp('/grids/production');
      const nodes = await screen.findByRole('list', { name: 'Nodes' });
      sim.server.use(
        http.get('*/v1/grids/production/nodes', () => HttpResponse.json({ message: 'Internal server error' }, { status: 500 })),
      );
      act(() => vi.advanceTimersByTime(OVERVIEW_POLL_MS));
      expect(await screen.findByText('Stale:')).toBeVisible();
      expect(within(nodes).getByRole('link', { name: '5 nodes' })).toBeVisible();
    } finally {
      vi.useRealTimers();
    }
  });
});

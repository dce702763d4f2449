// @vitest-environment jsdom
// The monitor against the real simulated master (Node door, fake clock): every node of
// the grid, the service's instances as tiles, new tiles when the service is scaled, and
// only changed tiles touched by a poll.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { exchangeCode } from '../../api/auth';
import { configureClient } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { getSession, setSession } from '../../api/session';
import { installDomStubs } from '../../../test/app/dom-stubs';
import { TEST_ORIGIN, renderApp } from '../../../test/app/render-app';
import { createFakeClock } from '../../simulator/engine/clock';
import { createSimulatedMaster } from '../../simulator/index';
import { setupSimulatorServer } from '../../simulator/node';
import { send } from '../../../test/simulator/test-support';

const CODE = '5ca1ab1e0002';
const clock = createFakeClock(Date.UTC(2017, 3, 6, 12, 10, 0));
const master = createSimulatedMaster({ scenario: 'demo', seed: 5, clock, initialAdminCode: CODE });
const server = setupSimulatorServer(master);

beforeAll(async () => {
  installDomStubs();
  server.listen({ onUnhandledRequest: 'error' });
  configureClient({ baseUrl: TEST_ORIGIN, now: () => clock.now() });
  await exchangeCode(CODE);
  // Several tests look at mon-a: made once here, so each of them also runs on its own.
  await createService('mon-a', 2);
});
beforeEach(() => configureClient({ baseUrl: TEST_ORIGIN, now: () => clock.now() }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => {
  setSession(null);
  server.close();
  master.dispose();
});

function token(): string {
  return getSession()?.accessToken ?? '';
}

async function createService(name: string, instances: number): Promise<void> {
  const created = await send(master, 'POST', '/v1/grids/production/services', {
    token: token(),
    body: { name, image: 'nginx:1.11-alpine', stateful: false, instances },
  });
  expect(created.status).toBe(201);
  const deployed = await send(master, 'POST', `/v1/services/production/null/${name}/deploy`, { token: token() });
  expect(deployed.status).toBe(200);
  await clock.advanceAsync(30_000, 250);
}

function nodeCards(): HTMLElement[] {
  return within(screen.getByRole('group', { name: 'Nodes' })).getAllByRole('region');
}

function tiles(): HTMLElement[] {
  return screen.queryAllByRole('list', { name: /^Instances on / }).flatMap((list) => within(list).queryAllByRole('listitem'));
}

describe('instances tab (monitor)', () => {
  it('shows every node of the grid with the service’s instances as tiles, empty nodes too', async () => {
    renderApp('/grids/production/services/null/mon-a/instances');
    await waitFor(() => expect(tiles()).toHaveLength(2));
    const nodes = nodeCards();
    expect(nodes.map((n) => within(n).getByRole('heading').textContent)).toEqual([
      'prod-node-1',
      'prod-node-2',
      'prod-node-3',
      'prod-node-4',
      'prod-node-5',
    ]);
    expect(screen.getAllByText('no instances')).toHaveLength(3);
    // State by words and shape, not colour alone.
    expect(tiles().map((t) => t.textContent)).toEqual([
      expect.stringMatching(/^Instance 1, running/),
      expect.stringMatching(/^Instance 2, running/),
    ]);
    expect(screen.getByRole('list', { name: 'Instances by status' })).toHaveTextContent('2 running');
    expect(screen.getByText(/2 of 2 instances/)).toBeVisible();
  });

  it('keeps the refresh interval and the empty-node filter in the URL', async () => {
    const { user, location } = renderApp('/grids/production/services/null/mon-a/instances');
    await waitFor(() => expect(tiles()).toHaveLength(2));
    await user.selectOptions(screen.getByLabelText('Refresh'), '10');
    expect(location().search).toBe('?interval=10');
    await user.click(screen.getByLabelText('Hide nodes without instances'));
    expect(location().search).toBe('?interval=10&empty=hide');
    expect(nodeCards()).toHaveLength(2);
  });

  it('fetches the instances once per chosen interval for the whole page, and not at all when paused', async () => {
    // Only intervals are faked: TanStack Query polls with setInterval; waitFor and MSW keep real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const fetches: string[] = [];
      const count = ({ request }: { request: Request }) => {
        if (request.method === 'GET' && new URL(request.url).pathname === '/v1/services/production/null/mon-a/containers')
          fetches.push(request.url);
      };
      server.events.on('request:start', count);
      const { user } = renderApp('/grids/production/services/null/mon-a/instances?interval=1');
      await waitFor(() => expect(tiles()).toHaveLength(2));
      await waitFor(() => expect(screen.getByRole('group', { name: 'Actions for mon-a' })).toBeInTheDocument());
      const settled = fetches.length;
      // 10 s at a 1 s interval: 10 polls, not 10 plus the page header's own every 5 s.
      for (let i = 0; i < 10; i++) {
        act(() => vi.advanceTimersByTime(1_000));
        await waitFor(() => expect(fetches.length).toBe(settled + i + 1));
      }
      await user.selectOptions(screen.getByLabelText('Refresh'), '0');
      const paused = fetches.length;
      act(() => vi.advanceTimersByTime(30_000));
      await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
      expect(fetches.length).toBe(paused);
      server.events.removeListener('request:start', count);
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds highlighted tiles when the service is scaled up, leaving the other tiles untouched', async () => {
    await createService('mon-b', 2);
    const { queryClient } = renderApp('/grids/production/services/null/mon-b/instances?interval=0');
    await waitFor(() => expect(tiles()).toHaveLength(2));
    const before = tiles();
    expect(before.some((t) => t.dataset.changed)).toBe(false);

    // Watch the DOM: a poll that changes nothing must touch no tile.
    const touched = new Set<Element>();
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const t of before) if (t.contains(r.target)) touched.add(t);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const ref = { grid: 'production', stack: 'null', name: 'mon-b' };
    clock.advance(5_000);
    await act(() => queryClient.refetchQueries({ queryKey: queryKeys.containers(ref) }));

    const scaled = await send(master, 'POST', '/v1/services/production/null/mon-b/scale', { token: token(), body: { instances: 4 } });
    expect(scaled.status).toBe(200);
    await clock.advanceAsync(30_000, 250);
    await act(() => queryClient.refetchQueries({ queryKey: queryKeys.service(ref) }));
    await waitFor(() => expect(tiles()).toHaveLength(4));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    observer.disconnect();

    expect([...touched]).toEqual([]);
    const added = tiles().filter((t) => !before.includes(t));
    expect(added.map((t) => t.textContent)).toEqual([
      expect.stringMatching(/^Instance 3, running/),
      expect.stringMatching(/^Instance 4, running/),
    ]);
    expect(added.every((t) => t.dataset.changed === 'true')).toBe(true);
    expect(before.every((t) => t.dataset.changed === undefined)).toBe(true);
  });

  it('shows a disconnected node as such, and its tiles as last known', async () => {
    server.use(
      http.get(/\/v1\/grids\/production\/nodes$/, async ({ request }) => {
        const res = await master.handle(new Request(request.url, { headers: request.headers }));
        const body = (await res.json()) as { nodes: { name: string; connected: boolean }[] };
        for (const n of body.nodes) if (n.name === 'prod-node-2') n.connected = false;
        return HttpResponse.json(body);
      }),
    );
    renderApp('/grids/production/services/null/mon-a/instances');
    await waitFor(() => expect(tiles()).toHaveLength(2));
    const node2 = nodeCards().find((n) => within(n).getByRole('heading').textContent === 'prod-node-2');
    expect(node2).toBeDefined();
    await waitFor(() => expect(node2).toHaveTextContent(/offline · not reporting for \d+ min/));
    // Its load is the last it reported, said to be so; the connected nodes say they are.
    expect(within(node2 as HTMLElement).getByLabelText('Load, as last reported')).toHaveTextContent(/CPU.*Memory.*last reported/);
    expect(node2).not.toHaveTextContent(/\bconnected\b/);
    const node1 = nodeCards().find((n) => within(n).getByRole('heading').textContent === 'prod-node-1');
    expect(node1).toHaveTextContent('connected');
  });

  it('shows each node’s load and links to its page, from one node list for the whole grid', async () => {
    const nodeLists: string[] = [];
    const count = ({ request }: { request: Request }) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path.includes('/nodes')) nodeLists.push(path);
    };
    server.events.on('request:start', count);
    try {
      renderApp('/grids/production/services/null/mon-a/instances');
      await waitFor(() => expect(tiles()).toHaveLength(2));
      const nodes = nodeCards();
      for (const card of nodes) {
        const name = within(card).getByRole('heading').textContent ?? '';
        expect(within(card).getByRole('link', { name })).toHaveAttribute('href', `/grids/production/nodes/${name}`);
        const load = within(card).getByLabelText('Load');
        expect(load).toHaveTextContent(/CPU\s*\d+(\.\d)? %/);
        expect(load).toHaveTextContent(/Memory\s*[\d.]+ (?:[KMG]i)?B of [\d.]+ [KMG]iB/);
        expect(card).toHaveTextContent('connected');
      }
      // Nothing per card: the grid's one node list, not a request per node.
      expect(nodeLists.length).toBeGreaterThan(0);
      expect(new Set(nodeLists)).toEqual(new Set(['/v1/grids/production/nodes']));
    } finally {
      server.events.removeListener('request:start', count);
    }
  });

  it('says when instances are changing (a scale under way), and that it is inferred', async () => {
    await createService('mon-c', 1);
    const { queryClient } = renderApp('/grids/production/services/null/mon-c/instances?interval=0');
    await waitFor(() => expect(tiles()).toHaveLength(1));
    expect(screen.queryByText(/Instances are changing/)).toBeNull();
    // The scale is recorded; its worker has not placed anything yet.
    await send(master, 'POST', '/v1/services/production/null/mon-c/scale', { token: token(), body: { instances: 3 } });
    const ref = { grid: 'production', stack: 'null', name: 'mon-c' };
    await act(() => queryClient.refetchQueries({ queryKey: queryKeys.service(ref) }));
    const banner = await screen.findByText(/Instances are changing/);
    expect(banner.closest('[role="status"]')).toHaveTextContent('1 of 3 instances placed');
    expect(banner.closest('[role="status"]')).toHaveTextContent(/Inferred/);
  });
});

// @vitest-environment jsdom
// One node's page against the simulated master (Node door, fake clock), a fresh demo grid per test.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp, TEST_ORIGIN } from '../../../test/app/render-app';
import { arr, obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false, clientOnMasterClock: true });

async function nodeJson(name: string): Promise<Record<string, unknown>> {
  return obj((await sim.t.api('GET', `/v1/nodes/production/${name}`)).body);
}

async function servicesOnNode(name: string): Promise<string[]> {
  const { containers } = obj((await sim.t.api('GET', '/v1/containers/production')).body);
  return arr(containers)
    .map(obj)
    .filter((c) => obj(c.node ?? {}).name === name && typeof c.service_id === 'string')
    .map((c) => String(c.service_id));
}

describe('node page', () => {
  it('shows what `kontena node show` prints: state, versions, IPs, usage, labels', async () => {
    const node = await nodeJson('prod-node-2');
    renderApp('/grids/production/nodes/prod-node-2');
    expect(await screen.findByRole('heading', { level: 1, name: 'prod-node-2' })).toBeVisible();
    const details = await screen.findByRole('region', { name: 'Details' });
    expect(details).toHaveTextContent(String(node.agent_version));
    expect(details).toHaveTextContent(String(node.docker_version));
    expect(details).toHaveTextContent('203.0.113.12');
    expect(details).toHaveTextContent('10.0.1.12');
    expect(details).toHaveTextContent(String(node.overlay_ip));
    expect(details).toHaveTextContent(String(node.id));
    const usage = screen.getByRole('region', { name: 'Resource usage' });
    expect(usage).toHaveTextContent(/CPU\s*\d+(\.\d)? % of 4 CPUs/);
    expect(usage).toHaveTextContent(/Memory\s*\d+(\.\d)? % · .* of 16\.0 GiB/);
    expect(usage).toHaveTextContent(/Disk\s*\d+(\.\d)? %/);
    expect(usage).toHaveTextContent(/Load\s*\d+\.\d\d · \d+\.\d\d · \d+\.\d\d/);
    expect(within(screen.getByRole('region', { name: 'Labels' })).getByRole('list', { name: 'Labels of prod-node-2' })).toHaveTextContent(
      'az=b',
    );
    expect(screen.queryByText(/This node (is offline|stopped reporting)/)).toBeNull();
    expect(screen.getByRole('group', { name: 'Time window' })).toBeVisible();
  });

  it('lists the instances on the node, each linking to its service', async () => {
    const expected = await servicesOnNode('prod-node-1');
    expect(expected.length).toBeGreaterThan(0);
    renderApp('/grids/production/nodes/prod-node-1');
    const panel = await screen.findByRole('region', { name: /\d+ instances?/ });
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(expected.length);
    const hrefs = within(panel)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    for (const id of expected) {
      const [, stack, name] = id.split('/');
      expect(hrefs).toContain(`/grids/production/services/${stack}/${name}`);
    }
  });

  it('marks an offline node and says since when', async () => {
    sim.t.master.setNodeConnected('production', 'prod-node-4', false);
    sim.t.clock.advance(5 * 60_000);
    renderApp('/grids/production/nodes/prod-node-4');
    expect(await screen.findByText('This node is offline.')).toBeVisible();
    expect(screen.getByText(/since .* \(5 min ago\)/)).toBeVisible();
  });

  it('edits the labels: sends the whole list, and shows the new labels', async () => {
    const { user } = renderApp('/grids/production/nodes/prod-node-2');
    const panel = await screen.findByRole('region', { name: 'Labels' });
    await user.click(within(panel).getByRole('button', { name: 'Edit labels' }));
    const field = within(panel).getByRole('textbox', { name: 'Labels' });
    expect(field).toHaveValue('region=eu-west-1\naz=b\nrole=edge');
    await user.clear(field);
    await user.type(field, 'region=eu-west-1{Enter}az=c{Enter}disk=ssd');
    await user.click(within(panel).getByRole('button', { name: 'Save labels' }));
    expect(await within(panel).findByText('Saved the labels of prod-node-2.')).toBeVisible();
    expect(within(panel).getByRole('list', { name: 'Labels of prod-node-2' })).toHaveTextContent('disk=ssd');
    expect(sim.writes()).toEqual([
      { method: 'PUT', path: '/v1/nodes/production/prod-node-2', body: { labels: ['region=eu-west-1', 'az=c', 'disk=ssd'] } },
    ]);
    expect((await nodeJson('prod-node-2')).labels).toEqual(['region=eu-west-1', 'az=c', 'disk=ssd']);
  });

  it('refuses a label that is not key=value next to the field, sending nothing', async () => {
    const { user } = renderApp('/grids/production/nodes/prod-node-2');
    const panel = await screen.findByRole('region', { name: 'Labels' });
    await user.click(within(panel).getByRole('button', { name: 'Edit labels' }));
    const field = within(panel).getByRole('textbox', { name: 'Labels' });
    await user.type(field, '{Enter}fast disk');
    await user.click(within(panel).getByRole('button', { name: 'Save labels' }));
    expect(field).toHaveAccessibleDescription(/“fast” is not a label: write key=value/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(sim.writes()).toEqual([]);
  });

  it('shows the master’s refusal of the labels next to the field', async () => {
    sim.server.use(
      http.put(`${TEST_ORIGIN}/v1/nodes/production/prod-node-2`, () =>
        HttpResponse.json({ error: { labels: 'Labels isn’t an array' } }, { status: 422 }),
      ),
    );
    const { user } = renderApp('/grids/production/nodes/prod-node-2');
    const panel = await screen.findByRole('region', { name: 'Labels' });
    await user.click(within(panel).getByRole('button', { name: 'Edit labels' }));
    await user.click(within(panel).getByRole('button', { name: 'Save labels' }));
    const field = within(panel).getByRole('textbox', { name: 'Labels' });
    await waitFor(() => expect(field).toHaveAccessibleDescription('Labels isn’t an array'));
  });

  it('removes the node after a confirmation naming its instances and services, then lists the grid without it', async () => {
    const services = await servicesOnNode('prod-node-1');
    const { user, location } = renderApp('/grids/production/nodes/prod-node-1');
    await screen.findByRole('region', { name: /\d+ instances?/ });
    await user.click(await screen.findByRole('button', { name: 'Remove node…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove node prod-node-1?' });
    expect(dialog).toHaveTextContent(/\d+ instances? runs? on it/);
    const [, stack, name] = (services[0] ?? '').split('/');
    expect(dialog).toHaveTextContent(stack === 'null' ? String(name) : `${stack}/${name}`);
    expect(dialog).toHaveTextContent('until the scheduler places them on another node');
    await user.click(within(dialog).getByRole('button', { name: 'Remove node' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/nodes'));
    expect(await screen.findByText(/Removed node prod-node-1\./)).toBeVisible();
    const table = await screen.findByRole('table', { name: /nodes/ });
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'prod-node-1' })).toBeNull());
    expect(within(table).getByRole('link', { name: 'prod-node-2' })).toBeVisible();
    expect((await sim.t.api('GET', '/v1/nodes/production/prod-node-1')).status).toBe(404);
  });

  it('charts the node over 1 h, 6 h or 24 h, the window in the URL', async () => {
    const { user, location } = renderApp('/grids/production/nodes/prod-node-2');
    const group = await screen.findByRole('group', { name: 'Time window' });
    expect(within(group).getByRole('button', { name: '1 h' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText(/^CPU: used: now \d/)).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: '6 h' }));
    expect(new URLSearchParams(location().search).get('window')).toBe('6h');
    expect(within(group).getByRole('button', { name: '6 h' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => {
      // One read for the hour, one for the six hours.
      const metricsReads = sim.sent().filter((s) => s.path === '/v1/nodes/production/prod-node-2/metrics');
      expect(metricsReads.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('says so when the node does not exist', async () => {
    renderApp('/grids/production/nodes/nope');
    expect(await screen.findByText('There is no node “nope” in grid “production”')).toBeVisible();
  });
});

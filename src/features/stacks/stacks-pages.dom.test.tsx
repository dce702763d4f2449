// @vitest-environment jsdom
// The stacks list and a stack's page against the simulated master (demo scenario, the
// master on a fake clock that a test moves on): what `kontena stack ls` and `stack show`
// print, a whole-stack deploy one service at a time (to success, and stopped by a failing
// image), and removal (confirmed, then gone; refused while another stack links to it).
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { renderApp } from '../../../test/app/render-app';
import { setUpSimulatedMaster } from '../../../test/features/services/testing-master';

const sim = setUpSimulatedMaster();

/** The master's clock moves on (its workers run); then the app's polls run once. */
async function later(queryClient: QueryClient, ms: number) {
  await act(() => sim.advance(ms));
  await act(() => queryClient.refetchQueries({ type: 'active' }));
}

/** Moves the master on in steps until the stack deploy on screen has finished. */
async function untilDeployFinished(queryClient: QueryClient, stack: string): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: `Stack deploy: ${stack}` });
  for (let i = 0; i < 40; i++) {
    const state = region.getAttribute('data-deploy-state');
    if (state === 'success' || state === 'error') return region;
    await later(queryClient, 15_000);
  }
  throw new Error(`the deploy of ${stack} did not finish: ${region.getAttribute('data-deploy-state') ?? 'no state'}`);
}

const stepsOf = (region: HTMLElement) =>
  within(within(region).getByRole('list', { name: /^Services of the deploy/ }))
    .getAllByRole('listitem')
    .filter((li) => li.parentElement?.tagName === 'OL');

/** A stack of three services where the second's image cannot be pulled (the simulator's `:fail` tag). */
const brokenStack = {
  name: 'broken',
  stack: 'test/broken',
  version: '1.0.0',
  source: 'stack: test/broken\nversion: 1.0.0\n',
  registry: 'file://',
  expose: null,
  services: [
    { name: 'first', image: 'nginx:1.11-alpine', stateful: false, instances: 1 },
    { name: 'second', image: 'myorg/second:fail', stateful: false, instances: 1 },
    { name: 'third', image: 'nginx:1.11-alpine', stateful: false, instances: 1 },
  ],
};

describe('stacks list', () => {
  it('shows what `kontena stack ls` prints, plus revision and registry, each stack linking to its page', async () => {
    renderApp('/grids/production/stacks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();
    const table = await screen.findByRole('table', { name: '2 stacks in production' });
    const monitoring = within(table).getByRole('row', { name: /^monitoring\b/ });
    expect(monitoring).toHaveTextContent('kontena/monitoring:0.3.1');
    expect(monitoring).toHaveTextContent('file://');
    expect(monitoring).toHaveTextContent('*:3000->3000/tcp');
    expect(within(monitoring).getByText('running')).toBeVisible();
    const cells = within(monitoring)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1, 4)).toEqual(['2', 'file://', '4']);
    expect(within(monitoring).getByRole('link', { name: 'monitoring' })).toHaveAttribute('href', '/grids/production/stacks/monitoring');
    const shop = within(table).getByRole('row', { name: /^shop\b/ });
    expect(shop).toHaveTextContent('myorg/shop:1.8.0');
    expect(
      within(shop)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('4');
    expect(screen.getByRole('link', { name: 'Install a stack' })).toHaveAttribute('href', '/grids/production/install-stack');
    expect(document.body).toHaveTextContent(/Updated .* · every 5 s/);
  });

  it('invites an install when the grid has no stacks', async () => {
    await sim.api('DELETE', '/v1/stacks/staging/wordpress');
    await act(() => sim.advance(30_000));
    renderApp('/grids/staging/stacks');
    expect(await screen.findByRole('heading', { name: 'No stacks yet' })).toBeVisible();
    expect(
      screen.getAllByRole('link', { name: 'Install a stack' }).every((l) => l.getAttribute('href') === '/grids/staging/install-stack'),
    ).toBe(true);
    expect(screen.getByText('kontena stack install kontena.yml')).toBeVisible();
  });
});

describe('a stack’s page', () => {
  it('shows what `kontena stack show` prints, its services linking to their pages, its logs and the CLI lines', async () => {
    renderApp('/grids/production/stacks/shop');
    expect(await screen.findByRole('heading', { level: 1, name: 'shop' })).toBeVisible();
    const facts = await screen.findByRole('region', { name: 'Details' });
    const fact = (name: string) => within(facts).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('State')).toBe('running');
    expect(fact('Stack')).toBe('myorg/shop');
    expect(fact('Version')).toBe('1.8.0');
    expect(fact('Revision')).toBe('4');
    expect(fact('Registry')).toBe('file://');
    expect(fact('Expose')).toBe('none');
    expect(fact('Created')).toMatch(/^\d{4}-\d\d-\d\d /);

    const services = screen.getByRole('table', { name: 'Services' });
    for (const name of ['postgres', 'app', 'web', 'sidekiq']) {
      expect(within(services).getByRole('link', { name })).toHaveAttribute('href', `/grids/production/services/shop/${name}`);
    }
    expect(within(within(services).getByRole('row', { name: /^app\b/ })).getByText(/3 \/ 3 running/)).toBeVisible();
    expect(within(screen.getByRole('group', { name: 'Actions for stack shop' })).getByRole('link', { name: 'Logs' })).toHaveAttribute(
      'href',
      '/grids/production/stacks/shop/logs',
    );
    expect(screen.getByRole('link', { name: 'Upgrade' })).toHaveAttribute('href', '/grids/production/install-stack?upgrade=shop');
    const cli = screen.getByRole('region', { name: 'Equivalent CLI commands' });
    expect(cli).toHaveTextContent('kontena stack deploy shop');
    expect(cli).toHaveTextContent('kontena stack upgrade shop kontena.yml');
    expect(cli).toHaveTextContent('kontena stack rm shop');
    expect(cli).toHaveTextContent('kontena service stop shop/postgres');
  });

  it('says so for a stack the master does not know', async () => {
    renderApp('/grids/production/stacks/nope');
    expect(await screen.findByRole('heading', { name: 'There is no stack “nope” in grid “production”' })).toBeVisible();
  });
});

describe('deploying a stack', () => {
  it('shows each service in the master’s order, one at a time with its instances, to success; and it survives leaving the page', async () => {
    const { user, queryClient, router } = renderApp('/grids/production/stacks/monitoring');
    const actions = await screen.findByRole('group', { name: 'Actions for stack monitoring' });
    await user.click(within(actions).getByRole('button', { name: 'Deploy' }));
    const region = await screen.findByRole('region', { name: 'Stack deploy: monitoring' });
    expect(sim.actions()).toEqual(['POST /v1/stacks/production/monitoring/deploy']);

    // The first service is taken: it deploys while the others wait.
    await later(queryClient, 1_000);
    await waitFor(() => expect(stepsOf(region).length).toBe(4));
    await waitFor(() => expect(within(stepsOf(region)[0] ?? region).getAllByText(/deploying|queued/)[0]).toBeVisible());
    expect(
      stepsOf(region)
        .slice(1)
        .every((li) => within(li).queryByText('waiting') !== null),
    ).toBe(true);
    expect(within(region).getByRole('status')).toHaveTextContent(/Deploying service 1 of 4/);
    // Followed through its own deploy record, instance by instance.
    expect(within(stepsOf(region)[0] ?? region).getByRole('region', { name: 'Deploy: monitoring/prometheus' })).toBeVisible();

    // Away and back: the same deploy is still followed.
    await act(() => router.navigate('/grids/production/stacks'));
    await screen.findByRole('table', { name: '2 stacks in production' });
    await act(() => router.navigate('/grids/production/stacks/monitoring'));
    const again = await untilDeployFinished(queryClient, 'monitoring');
    expect(again).toHaveAttribute('data-deploy-state', 'success');
    expect(within(again).getByRole('status')).toHaveTextContent(/Deployed 4 services/);
    const steps = stepsOf(again);
    expect(steps.map((li) => within(li).getByRole('link').textContent)).toEqual(['prometheus', 'node-exporter', 'grafana', 'alertmanager']);
    for (const step of steps) expect(within(step).getByText('deployed')).toBeVisible();
    await user.click(within(again).getByRole('button', { name: 'Details: Deploy of monitoring/grafana' }));
    expect(within(steps[2] ?? again).getByRole('table')).toHaveTextContent(/#1\s*prod-node-\d\s*success/);
    expect(sim.actions()).toEqual(['POST /v1/stacks/production/monitoring/deploy']);
  });

  it('stops at a failing service, with its reason, and the services after it not deployed', async () => {
    expect((await sim.api('POST', '/v1/grids/staging/stacks', { body: brokenStack })).status).toBe(201);
    const { user, queryClient } = renderApp('/grids/staging/stacks/broken');
    const actions = await screen.findByRole('group', { name: 'Actions for stack broken' });
    await user.click(within(actions).getByRole('button', { name: 'Deploy' }));
    const region = await untilDeployFinished(queryClient, 'broken');
    expect(region).toHaveAttribute('data-deploy-state', 'error');
    expect(within(region).getByRole('status')).toHaveTextContent(
      'Stopped at second: halting deploy of staging/broken/second, one or more instances failed. Not deployed: third.',
    );
    const [first, second, third] = stepsOf(region);
    expect(within(first ?? region).getByText('deployed')).toBeVisible();
    expect(within(second ?? region).getByText('failed')).toBeVisible();
    expect(within(third ?? region).getByText('not deployed')).toBeVisible();
    expect(within(third ?? region).queryByRole('region')).toBeNull();
  });
});

describe('stopping, starting and restarting a stack', () => {
  it('sends the signal to every service and shows the result of each', async () => {
    const { user } = renderApp('/grids/production/stacks/monitoring');
    const actions = await screen.findByRole('group', { name: 'Actions for stack monitoring' });
    await user.click(within(actions).getByRole('button', { name: 'Stop all' }));
    const results = await screen.findByRole('region', { name: 'Results: Stop all' });
    expect(results).toHaveTextContent('all 4 done');
    expect(within(results).getAllByRole('listitem')).toHaveLength(4);
    expect(results).toHaveTextContent('prometheus done: stop signal sent');
    expect(new Set(sim.actions())).toEqual(
      new Set(['prometheus', 'node-exporter', 'grafana', 'alertmanager'].map((n) => `POST /v1/services/production/monitoring/${n}/stop`)),
    );
  });
});

describe('removing a stack', () => {
  it('asks first, naming its services and that nobody links to it, then the list no longer has it', async () => {
    const { user, queryClient, location } = renderApp('/grids/production/stacks/monitoring');
    const actions = await screen.findByRole('group', { name: 'Actions for stack monitoring' });
    await user.click(within(actions).getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove stack monitoring?' });
    expect(dialog).toHaveTextContent('prometheus, node-exporter, grafana, alertmanager');
    expect(await within(dialog).findByText('No service of another stack links to it.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Remove stack' }));
    await waitFor(() => expect(sim.actions()).toContain('DELETE /v1/stacks/production/monitoring'));
    await later(queryClient, 30_000);
    await waitFor(() => expect(location().pathname).toBe('/grids/production/stacks'), { timeout: 8_000 });
    expect(await screen.findByText('Removed stack monitoring with its services.')).toBeVisible();
    const table = await screen.findByRole('table', { name: '1 stack in production' });
    expect(within(table).queryByRole('link', { name: 'monitoring' })).toBeNull();
  });

  it('names who links to it from other stacks, and shows the master’s refusal next to the button', async () => {
    const dash = { name: 'dash', image: 'nginx:1.11-alpine', stateful: false, links: [{ name: 'monitoring/grafana', alias: 'grafana' }] };
    expect((await sim.api('POST', '/v1/grids/production/services', { body: dash })).status).toBe(201);
    const { user } = renderApp('/grids/production/stacks/monitoring');
    const actions = await screen.findByRole('group', { name: 'Actions for stack monitoring' });
    await user.click(within(actions).getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove stack monitoring?' });
    expect(await within(dialog).findByText(/Linked from other stacks/)).toBeVisible();
    expect(within(dialog).getByRole('link', { name: 'dash' })).toHaveAttribute('href', '/grids/production/services/null/dash');
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('dash → grafana');
    await user.click(within(dialog).getByRole('button', { name: 'Remove stack' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Cannot delete service that is linked from another stack (null/dash)',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Remove refused: Cannot delete service that is linked from another stack (null/dash)',
    );
    expect(sim.actions().filter((a) => a.startsWith('DELETE'))).toEqual(['DELETE /v1/stacks/production/monitoring']);
  });
});

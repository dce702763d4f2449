// @vitest-environment jsdom
// The shell's navigation and the grid picker against the simulated master (demo: production and staging).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

setupSimulatorForDomTests({ live: false });

const nav = () => screen.getByRole('navigation', { name: 'Main' });

async function switchGrid(user: ReturnType<typeof renderApp>['user'], from: string, to: string): Promise<void> {
  await user.click(await screen.findByRole('button', { name: `Grid ${from}` }));
  await user.click(await screen.findByRole('menuitemradio', { name: new RegExp(to) }));
}

describe('main navigation', () => {
  it('lists the grid’s sections in order, each linking into the current grid', async () => {
    renderApp('/grids/staging/secrets');
    await screen.findByRole('button', { name: 'Grid staging' });
    const links = within(nav()).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Overview',
      'Services',
      'Stacks',
      'Nodes',
      'Volumes',
      'Secrets',
      'Logs',
      'Audit',
      'Wall',
    ]);
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      '/grids/staging',
      '/grids/staging/services',
      '/grids/staging/stacks',
      '/grids/staging/nodes',
      '/grids/staging/volumes',
      '/grids/staging/secrets',
      '/grids/staging/logs',
      '/grids/staging/audit',
      '/wall-builder',
    ]);
    // Every link has its icon, hidden from assistive technology (the word names it).
    for (const link of links) expect(link.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });

  it('marks Overview current on the overview only, not on every page under it', async () => {
    const { user, location } = renderApp('/grids/production');
    await waitFor(() => expect(within(nav()).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page'));
    expect(within(nav()).getByRole('link', { name: 'Services' })).not.toHaveAttribute('aria-current');

    await user.click(within(nav()).getByRole('link', { name: 'Secrets' }));
    await waitFor(() => expect(location().pathname).toBe('/grids/production/secrets'));
    await waitFor(() => expect(within(nav()).getByRole('link', { name: 'Secrets' })).toHaveAttribute('aria-current', 'page'));
    expect(within(nav()).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('marks Services current on a service’s own page', async () => {
    renderApp('/grids/production/services/null/redis');
    await waitFor(() => expect(within(nav()).getByRole('link', { name: 'Services' })).toHaveAttribute('aria-current', 'page'));
    expect(within(nav()).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });
});

describe('grid picker keeps the section', () => {
  it.each([
    ['a node’s page', '/grids/production/nodes/prod-node-1', '/grids/staging/nodes'],
    ['a service’s page', '/grids/production/services/null/redis/instances', '/grids/staging/services'],
    ['the audit trail', '/grids/production/audit', '/grids/staging/audit'],
    ['the secrets', '/grids/production/secrets', '/grids/staging/secrets'],
    ['the overview', '/grids/production', '/grids/staging'],
  ])('from %s', async (_what, from, to) => {
    const { user, location } = renderApp(from);
    await switchGrid(user, 'production', 'staging');
    await waitFor(() => expect(location().pathname).toBe(to));
    expect(await screen.findByRole('button', { name: 'Grid staging' })).toBeVisible();
  });
});

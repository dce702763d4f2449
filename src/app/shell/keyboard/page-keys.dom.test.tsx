// @vitest-environment jsdom
// The keys that work on every page of the shell, against the simulated master (demo: production and staging).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../../test/app/dom-test-setup';
import { renderApp } from '../../../../test/app/render-app';

setupSimulatorForDomTests({ live: false });

const nav = () => screen.getByRole('navigation', { name: 'Main' });

describe('page-wide keys', () => {
  it('g then n goes from the overview to the grid’s nodes', async () => {
    const { user, location } = renderApp('/grids/staging');
    await screen.findByRole('button', { name: 'Grid staging' });
    await user.keyboard('gn');
    await waitFor(() => expect(location().pathname).toBe('/grids/staging/nodes'));
    await user.keyboard('gt');
    await waitFor(() => expect(location().pathname).toBe('/grids/staging/stacks'));
  });

  it('does nothing while typing in a text field', async () => {
    const { user, location } = renderApp('/grids/production/services');
    const filter = await screen.findByRole('searchbox', { name: /filter services/i });
    await user.click(filter);
    await user.keyboard('gn');
    expect(filter).toHaveValue('gn');
    expect(location().pathname).toBe('/grids/production/services');
  });

  it('does nothing with Ctrl, or with a second key it does not know', async () => {
    const { user, location } = renderApp('/grids/production');
    await screen.findByRole('button', { name: 'Grid production' });
    await user.keyboard('{Control>}g{/Control}n');
    await user.keyboard('gx');
    await user.keyboard('n');
    expect(location().pathname).toBe('/grids/production');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('? lists the keys of the page, and Esc closes it and gives focus back', async () => {
    const { user } = renderApp('/grids/production/nodes');
    await screen.findByRole('button', { name: 'Grid production' });
    const link = within(nav()).getByRole('link', { name: 'Nodes' });
    link.focus();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const text of [
      'Services',
      'Overview of the grid',
      'Stacks',
      'Nodes',
      'Logs of the grid',
      'Audit trail',
      'Wall builder',
      'Command palette',
    ]) {
      expect(help).toHaveTextContent(text);
    }
    expect(help).toHaveAccessibleDescription(/pages of the grid production/);
    await user.keyboard('?');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(link).toHaveFocus();
  });

  it('on the services list, ? still opens the list’s own help, once', async () => {
    const { user } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent('Select or unselect the service');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });

  it('g then s on a service row goes to the list without scaling the service', async () => {
    const { user, location } = renderApp('/grids/production/services/null/redis');
    await screen.findByRole('button', { name: 'Grid production' });
    await user.keyboard('gs');
    await waitFor(() => expect(location().pathname).toBe('/grids/production/services'));
    const grid = await screen.findByRole('grid', { name: 'Services in production' });
    const row = within(grid).getByRole('link', { name: 'api' }).closest<HTMLElement>('[role="row"]');
    if (row === null) throw new Error('no row for api');
    row.focus();
    await user.keyboard('gs');
    expect(location().pathname).toBe('/grids/production/services');
    expect(screen.queryByRole('dialog')).toBeNull();
    // The row still has its own s.
    await user.keyboard('s');
    expect(await screen.findByRole('dialog', { name: /scale api/i })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    row.focus();
    await user.keyboard('ga');
    await waitFor(() => expect(location().pathname).toBe('/grids/production/audit'));
  });
});

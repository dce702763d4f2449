// @vitest-environment jsdom
// The command palette against the simulated master (demo: production and staging).
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../../test/app/dom-test-setup';
import { renderApp } from '../../../../test/app/render-app';

setupSimulatorForDomTests({ live: false });

const palette = () => screen.findByRole('dialog', { name: 'Go to' });
const searchBox = async () => within(await palette()).findByRole('combobox');

describe('command palette', () => {
  it('opens on Ctrl+K, finds a service of another grid, and Enter goes to it with focus in the page', async () => {
    const { user, location } = renderApp('/grids/production');
    await screen.findByRole('button', { name: 'Grid production' });
    await user.keyboard('{Control>}k{/Control}');
    const box = await searchBox();
    expect(box).toHaveFocus();
    await user.type(box, 'payments');
    const option = await within(await palette()).findByRole('option', { name: /payments/ });
    expect(option).toHaveTextContent('staging');
    expect(within(await palette()).getByText(/\d+ results?/)).toHaveAttribute('aria-live', 'polite');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location().pathname).toBe('/grids/staging/services/null/payments'));
    expect(screen.queryByRole('dialog', { name: 'Go to' })).toBeNull();
    await waitFor(() => expect(document.getElementById('main')).toHaveFocus());
  });

  it('opens on / outside fields only; Esc closes and gives focus back', async () => {
    const { user } = renderApp('/grids/production/services');
    const filter = await screen.findByRole('searchbox', { name: 'Filter services by name, image or stack' });
    await user.click(filter);
    await user.keyboard('/');
    expect(filter).toHaveValue('/');
    expect(screen.queryByRole('dialog', { name: 'Go to' })).toBeNull();

    const nav = screen.getByRole('link', { name: 'Stacks' });
    nav.focus();
    await user.keyboard('/');
    const box = await searchBox();
    expect(box).toHaveValue('');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Go to' })).toBeNull());
    await waitFor(() => expect(nav).toHaveFocus());
  });

  it('shows what was chosen first on the next opening', async () => {
    const { user, location } = renderApp('/grids/production');
    await screen.findByRole('button', { name: 'Grid production' });
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await searchBox(), 'mailhog');
    await user.click(await within(await palette()).findByRole('option', { name: /mailhog/ }));
    await waitFor(() => expect(location().pathname).toBe('/grids/staging/services/null/mailhog'));

    await user.keyboard('{Control>}k{/Control}');
    const recent = await within(await palette()).findByRole('group', { name: 'Recent' });
    expect(within(recent).getAllByRole('option')[0]).toHaveTextContent('mailhog');
    expect(localStorage.getItem('kontena-dashboard.palette-recents')).toBe('["service:staging/null/mailhog"]');
  });

  it('finds a secret by its name and goes to the secrets of its grid', async () => {
    const { user, location } = renderApp('/grids/production');
    await screen.findByRole('button', { name: 'Grid production' });
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await searchBox(), 'stripe staging');
    const secrets = await within(await palette()).findByRole('group', { name: 'Secrets' });
    await user.click(within(secrets).getByRole('option', { name: /STRIPE_API_KEY/ }));
    await waitFor(() => expect(location().pathname).toBe('/grids/staging/secrets'));
  });
});

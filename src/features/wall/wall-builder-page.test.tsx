// @vitest-environment jsdom
// The wall URL builder against the simulated master: it lists the grids and stacks and
// composes the wall's address from the choices, keeping them in its own URL.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

setupSimulatorForDomTests({ scenario: 'demo', seed: 1, live: false, clientOnMasterClock: true });

describe('wall URL builder', () => {
  it('composes the wall URL from the choices and keeps them in its own address', async () => {
    const view = renderApp('/wall-builder');
    const url = await screen.findByLabelText('Wall URL', undefined, { timeout: 15_000 });
    expect(url).toHaveValue(`${window.location.origin}/wall`);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Wall' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    const grids = screen.getByRole('group', { name: 'Grids' });
    await view.user.click(await within(grids).findByRole('checkbox', { name: 'staging' }));
    const stacks = screen.getByRole('group', { name: 'Stacks' });
    await view.user.click(await within(stacks).findByRole('checkbox', { name: 'wordpress' }));
    await view.user.selectOptions(screen.getByLabelText('Rotation'), 'Every 30 s');
    expect(screen.getByRole('radio', { name: 'Page by page' })).toBeChecked();
    await view.user.click(screen.getByRole('radio', { name: 'Grid by grid' }));
    await view.user.selectOptions(screen.getByLabelText('Wall theme'), 'Dark');
    await view.user.type(screen.getByLabelText('Name filter'), 'wp');

    await waitFor(() =>
      expect(url).toHaveValue(`${window.location.origin}/wall?grid=staging&stack=wordpress&filter=wp&rotate=30s&by=grid&theme=dark`),
    );
    expect(view.location().search).toBe('?grid=staging&stack=wordpress&filter=wp&rotate=30s&by=grid&theme=dark');
    expect(screen.getByRole('link', { name: 'Open the wall' })).toHaveAttribute(
      'href',
      '/wall?grid=staging&stack=wordpress&filter=wp&rotate=30s&by=grid&theme=dark',
    );
    expect(screen.getByText('kontena master token create --expires-in 0')).toBeVisible();
  });

  it('“Show nodes” adds nodes=1 to the wall URL, and takes it away again', async () => {
    const view = renderApp('/wall-builder?grid=production');
    const url = await screen.findByLabelText('Wall URL', undefined, { timeout: 15_000 });
    const nodes = screen.getByRole('checkbox', { name: 'Show nodes' });
    expect(nodes).not.toBeChecked();
    expect(nodes).toHaveAccessibleDescription(/row of the grids’ nodes/);
    await view.user.click(nodes);
    expect(url).toHaveValue(`${window.location.origin}/wall?grid=production&nodes=1`);
    expect(screen.getByRole('link', { name: 'Open the wall' })).toHaveAttribute('href', '/wall?grid=production&nodes=1');
    expect(view.location().search).toBe('?grid=production&nodes=1');
    await view.user.click(nodes);
    expect(url).toHaveValue(`${window.location.origin}/wall?grid=production`);
  });

  it('opens with the choices of a wall URL it is given', async () => {
    renderApp('/wall-builder?grid=production&refresh=30s&rotate=2m');
    expect(await screen.findByLabelText('Wall URL', undefined, { timeout: 15_000 })).toHaveValue(
      `${window.location.origin}/wall?grid=production&rotate=2m&refresh=30s`,
    );
    expect(screen.getByLabelText('Refresh')).toHaveValue('30000');
    expect(screen.getByLabelText('Rotation')).toHaveValue('120000');
    expect(await screen.findByRole('checkbox', { name: 'production' })).toBeChecked();
  });
  it('says what each choice means: the grids with their services, what the wall will show, how rotation turns', async () => {
    const view = renderApp('/wall-builder');
    const grids = await screen.findByRole('group', { name: 'Grids' }, { timeout: 15_000 });
    const staging = await within(grids).findByRole('checkbox', { name: 'staging' });
    expect(staging).toHaveAccessibleDescription(/^7 services\b/);
    expect(within(grids).getByRole('checkbox', { name: 'production' })).toHaveAccessibleDescription(/^14 services\b/);
    expect(grids).toHaveTextContent('On the wall: every grid (now production, staging)');
    await view.user.click(staging);
    expect(grids).toHaveTextContent('On the wall: staging');
    expect(screen.getByRole('group', { name: 'Stacks' })).toHaveTextContent('On the wall: every stack');

    // Without rotation the choice waits, and says why.
    const rotate = screen.getByRole('group', { name: 'Rotate' });
    expect(rotate).toBeDisabled();
    expect(rotate).toHaveAccessibleDescription(/Used once Rotation is on/);
    await view.user.selectOptions(screen.getByLabelText('Rotation'), 'Every 30 s');
    expect(rotate).toBeEnabled();
    expect(within(rotate).getByRole('radio', { name: 'Grid by grid' })).toHaveAccessibleDescription(/A grid per screen/);
    expect(within(rotate).getByRole('radio', { name: 'Page by page' })).toHaveAccessibleDescription(/All grids together/);
  });
});

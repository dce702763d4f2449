// @vitest-environment jsdom
// Issue #15 item 2 in the scale dialog: a count typed and not sent is offered back when
// the dialog opens again after a reload; scaling or cancelling lets go of it.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { signInWithOwnToken } from '../../../test/app/sign-in-again';
import { DRAFT_KEY_PREFIX } from '../../lib/form-drafts';

const sim = setupSimulatorForDomTests({ live: false });
type User = ReturnType<typeof renderApp>['user'];

function drafts(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_KEY_PREFIX));
}

async function openScale(user: User): Promise<HTMLElement> {
  const grid = await screen.findByRole('grid', { name: 'Services in production' });
  const row = await within(grid).findByRole('row', { name: /docs/ });
  await user.click(within(row).getByRole('button', { name: 'Actions for docs' }));
  const menu = await screen.findByRole('menu', { name: 'Actions for docs' });
  await user.click(within(menu).getByRole('menuitem', { name: /^Scale/ }));
  return screen.findByRole('dialog', { name: 'Scale docs' });
}

describe('scale dialog drafts', () => {
  it('a reload keeps the count typed; the dialog offers it; Scale sends it and drops the draft', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp('/grids/production/services');
    const field = within(await openScale(first.user)).getByRole('textbox', { name: 'Instances' });
    await first.user.clear(field);
    await first.user.type(field, '5');
    first.unmount();
    expect(drafts()).toHaveLength(1);

    const { user } = renderApp('/grids/production/services');
    const dialog = await openScale(user);
    const offer = within(dialog).getByRole('region', { name: 'Unsaved draft: Scale docs' });
    expect(offer).toHaveTextContent(/Restore what you typed at \d{2}:\d{2}/);
    expect(within(dialog).getByRole('textbox', { name: 'Instances' })).toHaveValue('1');
    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(within(dialog).getByRole('textbox', { name: 'Instances' })).toHaveValue('5');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() =>
      expect(sim.writes()).toEqual([
        expect.objectContaining({ method: 'POST', path: '/v1/services/production/null/docs/scale', body: { instances: 5 } }),
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Scale docs' })).toBeNull());
    expect(drafts()).toEqual([]);
  });

  it('Cancel lets go of what was typed', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp('/grids/production/services');
    const field = within(await openScale(first.user)).getByRole('textbox', { name: 'Instances' });
    await first.user.clear(field);
    await first.user.type(field, '7');
    first.unmount();

    const { user } = renderApp('/grids/production/services');
    const dialog = await openScale(user);
    expect(within(dialog).getByRole('region', { name: 'Unsaved draft: Scale docs' })).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(drafts()).toEqual([]);
    expect(within(await openScale(user)).queryByRole('region', { name: 'Unsaved draft: Scale docs' })).toBeNull();
  });
});

// @vitest-environment jsdom
// Issue #15 item 2 on the grid's secrets page: a new secret and a new value typed and not
// saved survive a reload (in sessionStorage only, which dies with the tab), are offered
// back, and go once saved.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { signInWithOwnToken } from '../../../test/app/sign-in-again';
import { DRAFT_KEY_PREFIX } from '../../lib/form-drafts';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });
const PAGE = '/grids/production/secrets';

function drafts(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_KEY_PREFIX));
}

async function rowOf(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', { name: /secrets/ });
  return within(table).getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

describe('secrets page drafts', () => {
  it('the new-secret form: kept in this tab only, offered after a reload, dropped once created', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp(PAGE);
    await first.user.type(await screen.findByRole('textbox', { name: 'Name' }), 'DRAFT_KEY');
    await first.user.type(screen.getByRole('textbox', { name: 'Value' }), 's3cret-typed');
    first.unmount();
    expect(drafts()).toHaveLength(1);
    expect(JSON.stringify({ ...localStorage })).not.toContain('s3cret-typed');

    const { user } = renderApp(PAGE);
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: New secret' });
    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('DRAFT_KEY');
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('s3cret-typed');
    await user.click(screen.getByRole('button', { name: 'Create secret' }));
    expect(await screen.findByText(/Created DRAFT_KEY\./)).toBeVisible();
    expect(drafts()).toEqual([]);
  });

  it('a new value typed in a row: offered in that row after a reload, restored into the form, dropped once saved', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp(PAGE);
    const row = await rowOf('SMTP_PASSWORD');
    await first.user.click(within(row).getByRole('button', { name: 'Update the value of SMTP_PASSWORD' }));
    await first.user.type(within(row).getByRole('textbox', { name: 'New value for SMTP_PASSWORD' }), 'n3w-pass');
    first.unmount();

    const { user } = renderApp(PAGE);
    const offer = within(await rowOf('SMTP_PASSWORD')).getByRole('region', { name: 'Unsaved draft: New value for SMTP_PASSWORD' });
    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    const again = await rowOf('SMTP_PASSWORD');
    expect(within(again).getByRole('textbox', { name: 'New value for SMTP_PASSWORD' })).toHaveValue('n3w-pass');
    await user.click(within(again).getByRole('button', { name: 'Save value' }));
    expect(await screen.findByText(/Updated SMTP_PASSWORD\./)).toBeVisible();
    expect(obj((await sim.t.api('GET', '/v1/secrets/production/SMTP_PASSWORD')).body).value).toBe('n3w-pass');
    expect(drafts()).toEqual([]);
  });
});

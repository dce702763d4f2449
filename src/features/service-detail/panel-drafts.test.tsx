// @vitest-environment jsdom
// Issue #15 item 2 on the service page: the add rows of the env, secrets and links panels
// keep what was typed through the end of a session and a reload, offer it back, and
// forget it once it is added.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { revokeToken, signInAgainWithCode, signInWithOwnToken } from '../../../test/app/sign-in-again';
import { DRAFT_KEY_PREFIX } from '../../lib/form-drafts';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });
const PAGE = '/grids/production/services/null/docs';

function drafts(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_KEY_PREFIX));
}

const panel = (name: string) => screen.getByRole('region', { name });

describe('the env panel’s add row', () => {
  it('revoked mid-edit: sign-in says why; signed in again, the row is offered back, restored, and added', async () => {
    const token = await signInWithOwnToken(sim.t);
    const { user, location } = renderApp(PAGE);
    const env = await screen.findByRole('region', { name: 'Environment' });
    await user.type(within(env).getByLabelText('Add variable'), 'DRAFT_FLAG=on');

    await revokeToken(sim.t, token);
    await user.click(within(env).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(new URLSearchParams(location().search).get('reason')).toBe('ended');
    expect(await screen.findByText('Signed out: the sign-in was revoked')).toBeVisible();

    await signInAgainWithCode(user, sim.t);
    await waitFor(() => expect(location().pathname).toBe(PAGE));
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: Add an environment variable' });
    expect(offer).toHaveTextContent(/Restore what you typed at \d{2}:\d{2}/);
    const field = within(panel('Environment')).getByLabelText('Add variable');
    expect(field).toHaveValue('');
    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(field).toHaveValue('DRAFT_FLAG=on');
    expect(field).toHaveFocus();

    await user.click(within(panel('Environment')).getByRole('button', { name: 'Add' }));
    expect(await within(panel('Environment')).findByText('Added DRAFT_FLAG.', { exact: false })).toBeVisible();
    expect(obj((await sim.t.api('GET', '/v1/services/production/null/docs')).body).env).toContain('DRAFT_FLAG=on');
    expect(drafts()).toEqual([]);
  });
});

describe('the secrets and links panels’ add rows', () => {
  it('a reload keeps both; each is offered in its own panel; Discard drops one, linking drops the other', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp(PAGE);
    const secrets = await screen.findByRole('region', { name: 'Secrets' });
    await first.user.type(within(secrets).getByRole('combobox', { name: 'Vault secret' }), 'DB_PASSWORD');
    await first.user.type(within(secrets).getByRole('textbox', { name: 'As variable' }), 'DOCS_DB');
    const links = panel('Links');
    await first.user.type(within(links).getByRole('combobox', { name: 'Link to service' }), 'redis');
    first.unmount();
    expect(drafts()).toHaveLength(2);

    const { user } = renderApp(PAGE);
    const linkOffer = await screen.findByRole('region', { name: 'Unsaved draft: Link a service' });
    const secretOffer = screen.getByRole('region', { name: 'Unsaved draft: Link a secret' });
    expect(secretOffer).toHaveTextContent('2 fields');
    await user.click(within(linkOffer).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('region', { name: 'Unsaved draft: Link a service' })).toBeNull();
    expect(within(panel('Links')).getByRole('combobox', { name: 'Link to service' })).toHaveValue('');

    await user.click(within(secretOffer).getByRole('button', { name: 'Restore' }));
    expect(within(panel('Secrets')).getByRole('combobox', { name: 'Vault secret' })).toHaveValue('DB_PASSWORD');
    expect(within(panel('Secrets')).getByRole('textbox', { name: 'As variable' })).toHaveValue('DOCS_DB');
    await user.click(within(panel('Secrets')).getByRole('button', { name: 'Link secret' }));
    expect(await within(panel('Secrets')).findByText('Linked secret DB_PASSWORD as DOCS_DB.', { exact: false })).toBeVisible();
    expect(drafts()).toEqual([]);
  });
});

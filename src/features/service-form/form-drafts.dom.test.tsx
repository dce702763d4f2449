// @vitest-environment jsdom
// Issue #15 item 2 against the simulated master: a half-filled create form and an edit
// form whose token is revoked mid-edit. The app goes to sign-in saying why; signed in
// again, the page offers what was typed ("Restore what you typed at …"), Restore brings
// it all back, and a save drops the draft. A reload keeps a draft, Discard drops it.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';
import { getSession, setSession } from '../../api/session';
import { revokeToken, signInAgainWithCode, signInWithOwnToken } from '../../../test/app/sign-in-again';
import { DRAFT_KEY_PREFIX } from '../../lib/form-drafts';
import { obj } from '../../../test/simulator/test-support';

const sim = setupSimulatorForDomTests({ live: false });

const textbox = (name: string) => screen.getByRole('textbox', { name });
const OFFER_TITLE = /Restore what you typed at \d{2}:\d{2}( [AP]M)?\?/;

function drafts(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_KEY_PREFIX));
}

async function serviceJson(path: string): Promise<Record<string, unknown>> {
  return obj((await sim.t.api('GET', `/v1/services/${path}`)).body);
}

describe('the new-service form, when the session ends mid-edit', () => {
  it('goes to sign-in saying why; signed in again, Restore brings back all 4 fields; Create drops the draft', async () => {
    const token = await signInWithOwnToken(sim.t);
    const { user, location } = renderApp('/grids/production/services/new');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'draft-web');
    await user.type(textbox('Image'), 'nginx:1.13');
    await user.type(textbox('Instances'), '3');
    await user.type(textbox('Memory'), '256m');

    await revokeToken(sim.t, token);
    await user.click(screen.getByRole('button', { name: 'Create service' }));
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    const params = new URLSearchParams(location().search);
    expect(params.get('next')).toBe('/grids/production/services/new');
    expect(params.get('reason')).toBe('ended');
    expect(await screen.findByText('Signed out: the sign-in was revoked')).toBeVisible();
    expect(screen.getByText(/did not save is kept in this tab/)).toBeVisible();
    // Kept for this user and page, without the token.
    expect(drafts()).toHaveLength(1);
    const kept = drafts()
      .map((key) => `${key}${sessionStorage.getItem(key) ?? ''}`)
      .join('');
    expect(kept).toContain('draft-web');
    expect(kept).not.toContain(token);
    expect(Object.keys(localStorage).filter((key) => key.includes('draft'))).toEqual([]);

    await signInAgainWithCode(user, sim.t);
    await waitFor(() => expect(location().pathname).toBe('/grids/production/services/new'));
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: New service' });
    expect(offer).toHaveTextContent(OFFER_TITLE);
    expect(offer).toHaveTextContent('4 fields');
    expect(textbox('Name')).toHaveValue('');

    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(screen.queryByRole('region', { name: 'Unsaved draft: New service' })).toBeNull();
    expect(textbox('Name')).toHaveValue('draft-web');
    expect(textbox('Image')).toHaveValue('nginx:1.13');
    expect(textbox('Instances')).toHaveValue('3');
    expect(textbox('Memory')).toHaveValue('256m');
    expect(textbox('Name')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Create service' }));
    expect(await screen.findByText('Service draft-web created in grid production.')).toBeVisible();
    expect(await serviceJson('production/null/draft-web')).toMatchObject({ image: 'nginx:1.13', instances: 3, memory: 268435456 });
    expect(drafts()).toEqual([]);
  });

  it('a reload keeps the draft; Discard drops it', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp('/grids/production/services/new');
    await first.user.type(await screen.findByRole('textbox', { name: 'Name' }), 'kept');
    await first.user.type(textbox('Image'), 'redis');
    first.unmount();

    const second = renderApp('/grids/production/services/new');
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: New service' });
    expect(offer).toHaveTextContent('2 fields');
    expect(textbox('Name')).toHaveValue('');
    second.unmount();

    // Still there after another reload without a choice; then Discard.
    const third = renderApp('/grids/production/services/new');
    await third.user.click(
      within(await screen.findByRole('region', { name: 'Unsaved draft: New service' })).getByRole('button', { name: 'Discard' }),
    );
    expect(screen.queryByRole('region', { name: 'Unsaved draft: New service' })).toBeNull();
    expect(textbox('Name')).toHaveValue('');
    expect(drafts()).toEqual([]);
    third.unmount();

    renderApp('/grids/production/services/new');
    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Unsaved draft: New service' })).toBeNull();
  });

  it('another user signing in to this tab is not offered the first user’s draft', async () => {
    await signInWithOwnToken(sim.t);
    const first = renderApp('/grids/production/services/new');
    await first.user.type(await screen.findByRole('textbox', { name: 'Name' }), 'mine');
    first.unmount();
    expect(drafts()).toHaveLength(1);

    // The same page, this tab signed in as someone else: nothing offered.
    const session = getSession();
    if (session === null) throw new Error('signed out');
    setSession({ ...session, user: { id: 'another-user', email: 'dev@example.com', name: 'dev' } });
    renderApp('/grids/production/services/new');
    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Unsaved draft: New service' })).toBeNull();
  });
});

describe('the settings form, when the session ends mid-edit', () => {
  it('signed in again: 2 fields back, over the service as the master has it now, which it says changed', async () => {
    const token = await signInWithOwnToken(sim.t);
    const before = await serviceJson('production/null/docs');
    const { user, location } = renderApp('/grids/production/services/null/docs/settings');
    const image = await screen.findByRole('textbox', { name: 'Image' });
    await user.clear(image);
    await user.type(image, 'nginx:1.13');
    await user.type(textbox('Memory'), '256M');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const review = await screen.findByRole('region', { name: 'Review the changes to docs' });

    await revokeToken(sim.t, token);
    await user.click(within(review).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(new URLSearchParams(location().search).get('next')).toBe('/grids/production/services/null/docs/settings');
    expect(await screen.findByText('Signed out: the sign-in was revoked')).toBeVisible();

    // Meanwhile someone else changes the service.
    expect((await sim.t.api('PUT', '/v1/services/production/null/docs', { body: { cmd: ['sleep', '60'] } })).status).toBe(200);

    await signInAgainWithCode(user, sim.t);
    await waitFor(() => expect(location().pathname).toBe('/grids/production/services/null/docs/settings'));
    const offer = await screen.findByRole('region', { name: 'Unsaved draft: Settings of docs' });
    expect(offer).toHaveTextContent(OFFER_TITLE);
    expect(offer).toHaveTextContent(
      `The service has changed on the master since (revision ${Number(before.revision)} → ${Number(before.revision) + 1}): review before saving.`,
    );
    expect(textbox('Image')).toHaveValue(String(before.image));

    await user.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(textbox('Image')).toHaveValue('nginx:1.13');
    expect(textbox('Memory')).toHaveValue('256M');
    // What the user did not touch is the master's now, not what the form showed then.
    expect(textbox('Cmd')).toHaveValue('sleep 60');

    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const again = await screen.findByRole('region', { name: 'Review the changes to docs' });
    expect(again).toHaveTextContent('2 fields change');
    await user.click(within(again).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(`Saved docs: revision ${Number(before.revision) + 2}.`)).toBeVisible();
    expect(await serviceJson('production/null/docs')).toMatchObject({ image: 'nginx:1.13', memory: 268435456, cmd: ['sleep', '60'] });
    expect(drafts()).toEqual([]);
  });
});

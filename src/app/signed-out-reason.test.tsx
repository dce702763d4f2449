// @vitest-environment jsdom
// Issue #15 item 2: a signed-out page says why — expired, revoked, the master restarted —
// in every tab. This window is one tab; the other tab that shares its remembered session
// is played by writing localStorage and sending this window the storage events a browser
// sends when another tab writes it.
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { SESSION_STORAGE_KEY } from '../api/session';
import { SESSION_END_SIGNAL_KEY, tokenFingerprint } from '../api/session-end';
import { setupSimulatorForDomTests } from '../../test/app/dom-test-setup';
import { renderApp } from '../../test/app/render-app';
import { revokeToken, signInWithOwnToken } from '../../test/app/sign-in-again';

const sim = setupSimulatorForDomTests({ live: false });

function otherTabWrites(key: string, value: string | null): void {
  const oldValue = localStorage.getItem(key);
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  act(() => {
    window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue: value, storageArea: localStorage }));
  });
}

describe('a tab whose remembered session another tab lost', () => {
  it('goes to sign-in saying it was signed out in another tab, then why, once that tab says', async () => {
    const token = await signInWithOwnToken(sim.t, true);
    const { location } = renderApp('/grids/production/services/new');
    await screen.findByRole('textbox', { name: 'Name' });

    // The other tab's request was refused: it removes the shared session, then says why.
    otherTabWrites(SESSION_STORAGE_KEY, null);
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(new URLSearchParams(location().search).get('next')).toBe('/grids/production/services/new');
    expect(await screen.findByText('Signed out in another tab')).toBeVisible();

    otherTabWrites(SESSION_END_SIGNAL_KEY, JSON.stringify({ reason: 'revoked', at: Date.now(), fp: tokenFingerprint(token) }));
    expect(await screen.findByText('Signed out: the sign-in was revoked')).toBeVisible();
    expect(screen.queryByText('Signed out in another tab')).toBeNull();
  });

  it('hears the reason first: signs out at once with it, not waiting for a request of its own', async () => {
    const token = await signInWithOwnToken(sim.t, true);
    const { location } = renderApp('/grids/production/services/new');
    await screen.findByRole('textbox', { name: 'Name' });

    otherTabWrites(SESSION_END_SIGNAL_KEY, JSON.stringify({ reason: 'expired', at: Date.now(), fp: tokenFingerprint(token) }));
    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(new URLSearchParams(location().search).get('reason')).toBe('expired');
    expect(await screen.findByText('Signed out: the session expired')).toBeVisible();
  });

  it('a tab with a token of its own is not signed out by another tab’s refusal', async () => {
    await signInWithOwnToken(sim.t);
    const { location } = renderApp('/grids/production/services/new');
    await screen.findByRole('textbox', { name: 'Name' });
    otherTabWrites(SESSION_END_SIGNAL_KEY, JSON.stringify({ reason: 'revoked', at: Date.now(), fp: tokenFingerprint('f'.repeat(64)) }));
    expect(location().pathname).toBe('/grids/production/services/new');
    expect(screen.getByRole('textbox', { name: 'Name' })).toBeVisible();
  });
});

describe('the master restarted and forgot its tokens', () => {
  it('refused as soon as the master is back: the sign-in page says the master restarted', async () => {
    const token = await signInWithOwnToken(sim.t);
    const { location, queryClient } = renderApp('/grids/production/services');
    await screen.findByRole('grid', { name: 'Services in production' });

    // The restart: unreachable for 10 s, and the token unknown afterwards.
    await revokeToken(sim.t, token);
    sim.t.master.restart(10_000);
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    expect((await screen.findAllByText(/cannot be reached|cannot reach/i)).length).toBeGreaterThan(0);
    await act(() => sim.t.clock.advanceAsync(11_000, 1_000));
    await act(() => queryClient.refetchQueries({ type: 'active' }));

    await waitFor(() => expect(location().pathname).toBe('/sign-in'));
    expect(new URLSearchParams(location().search).get('reason')).toBe('restarted');
    expect(await screen.findByText('Signed out: the master restarted')).toBeVisible();
  });
});

describe('a wall screen whose master restarted', () => {
  it('says so on its full-screen message, not a bare "revoked or ended"', async () => {
    const token = await signInWithOwnToken(sim.t);
    const { queryClient } = renderApp('/wall?grid=production');
    await screen.findByRole('list', { name: 'Services, problems first' }, { timeout: 15_000 });

    await revokeToken(sim.t, token);
    sim.t.master.restart(10_000);
    await act(() => queryClient.refetchQueries({ type: 'active' }));
    await act(() => sim.t.clock.advanceAsync(11_000, 1_000));
    await act(() => queryClient.refetchQueries({ type: 'active' }));

    expect(await screen.findByRole('heading', { name: 'This wall screen is signed out' }, { timeout: 10_000 })).toBeVisible();
    expect(screen.getByText(/The Kontena Master restarted and no longer knows its access token/)).toBeVisible();
  });
});

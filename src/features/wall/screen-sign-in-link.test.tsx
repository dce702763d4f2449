// @vitest-environment jsdom
// The wall builder's sign-in link for a screen on another machine, against the simulated
// master: a one-time code minted through its API, in a link to the wall being built.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { exchangeCode } from '../../api/auth';
import { isApiError } from '../../api/errors';
import { setupSimulatorForDomTests } from '../../../test/app/dom-test-setup';
import { renderApp } from '../../../test/app/render-app';

const sim = setupSimulatorForDomTests({ scenario: 'demo', seed: 1, live: false, clientOnMasterClock: true });

function codeOf(link: string): string {
  const code = new URLSearchParams(new URL(link).hash.slice(1)).get('sign-in');
  if (code === null) throw new Error(`no code in ${link}`);
  return code;
}

describe('sign in a screen on another machine', () => {
  it('makes a link to this wall with a one-time code that signs in once', async () => {
    const view = renderApp('/wall-builder?grid=production&rotate=30s');
    await view.user.click(await screen.findByRole('button', { name: 'Make a sign-in link' }, { timeout: 15_000 }));
    const field = await screen.findByRole('textbox', { name: 'Sign-in link' });
    const link = (field as HTMLInputElement).value;
    expect(link).toMatch(new RegExp(`^${window.location.origin}/wall\\?grid=production&rotate=30s#sign-in=[0-9a-f]{12}$`));
    expect(screen.getByText(/^Works once, until \d{1,2}:\d\d/)).toBeVisible();
    expect(screen.getByText(/signs in as/)).toHaveTextContent('signs in as admin once');

    // The link follows the wall being built; the code stays.
    await view.user.selectOptions(screen.getByLabelText('Rotation'), 'Off: one screen');
    await waitFor(() => expect(field).toHaveValue(`${window.location.origin}/wall?grid=production#sign-in=${codeOf(link)}`));

    // The code is the master's, and good once.
    await exchangeCode(codeOf(link));
    const again = await exchangeCode(codeOf(link)).catch((e: unknown) => e);
    expect(isApiError(again) && again.kind).toBe('auth');
  });

  it('says when the link has run out, and makes a new one', async () => {
    const view = renderApp('/wall-builder');
    await view.user.click(await screen.findByRole('button', { name: 'Make a sign-in link' }, { timeout: 15_000 }));
    const first = (await screen.findByRole('textbox', { name: 'Sign-in link' })) as HTMLInputElement;
    const firstLink = first.value;
    sim.t.clock.advance(16 * 60_000);
    // The builder reads the time each second.
    expect(await screen.findByText(/^The last link expired at \d{1,2}:\d\d/, undefined, { timeout: 5_000 })).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Sign-in link' })).toBeNull();
    await view.user.click(screen.getByRole('button', { name: 'Make a new sign-in link' }));
    const second = (await screen.findByRole('textbox', { name: 'Sign-in link' })) as HTMLInputElement;
    expect(codeOf(second.value)).not.toBe(codeOf(firstLink));
  });
});

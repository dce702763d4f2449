/**
 * For DOM tests of what survives the end of a session (drafts, the signed-out reason):
 * the page signs in with a token of its own, so the test can revoke it through the
 * master's API (DELETE /oauth2/tokens/:token) while its admin token keeps working; then
 * the user signs in again on the sign-in page with a fresh one-time code.
 */
import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { setSession } from '../../src/api/session';
import { obj } from '../simulator/test-support';
import type { TestMaster } from '../simulator/test-support';

/** A code good for an hour: its token does not need a refresh during a test. */
const CODE_LIFE_MS = 3_600_000;

/** Signs this tab in as the master's admin with a token of its own; returns that token. */
export async function signInWithOwnToken(t: TestMaster, remember = false): Promise<string> {
  const exchanged = obj(
    (
      await t.api('POST', '/oauth2/token', {
        body: { grant_type: 'authorization_code', code: t.master.mintAdminCode(CODE_LIFE_MS) },
        token: null,
      })
    ).body,
  );
  const user = obj(exchanged.user);
  const token = String(exchanged.access_token);
  setSession({
    accessToken: token,
    refreshToken: null,
    expiresAt: null,
    user: { id: String(user.id), email: String(user.email), name: String(user.name) },
    remember,
  });
  return token;
}

/** Revokes a token as an admin would (`DELETE /oauth2/tokens/:token`). */
export async function revokeToken(t: TestMaster, token: string): Promise<void> {
  const answer = await t.api('DELETE', `/oauth2/tokens/${token}`);
  if (answer.status !== 201) throw new Error(`revoking the token failed: ${answer.status}`);
}

/** On the sign-in page: a fresh one-time code, typed and sent. */
export async function signInAgainWithCode(user: UserEvent, t: TestMaster): Promise<void> {
  await user.type(await screen.findByLabelText(/one-time code/i), t.master.mintAdminCode(CODE_LIFE_MS));
  await user.click(screen.getByRole('button', { name: /^sign in$/i }));
}

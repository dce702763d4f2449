/**
 * Simulated mode signs itself in: the in-browser master prints no code anyone could
 * paste, so each page load that has no working session asks it for a one-time admin
 * code and exchanges it at once. A session kept from before (a reload) goes on: the
 * world, and its tokens, survive reloads.
 */
import { exchangeCode, getUser } from '../api/auth';
import { isApiError } from '../api/errors';
import { getSession, setSession } from '../api/session';

export async function signInToSimulator(mintCode: () => Promise<string>): Promise<void> {
  if (getSession() !== null) {
    try {
      await getUser();
      return;
    } catch (error) {
      // The stored token belongs to a world that was reset: replace it. Any other failure is for the UI to show.
      if (!isApiError(error) || (error.kind !== 'auth' && error.kind !== 'forbidden')) throw error;
      setSession(null);
    }
  }
  await exchangeCode(await mintCode(), false);
}

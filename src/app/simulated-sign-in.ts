/**
 * Simulated mode signs itself in: the in-browser master prints no code anyone could
 * paste, so the app exchanges the simulator's admin code the moment it starts.
 */
import { exchangeCode, getUser } from '../api/auth';
import { isApiError } from '../api/errors';
import { getSession, setSession } from '../api/session';

export async function signInToSimulator(adminCode: string): Promise<void> {
  if (getSession() !== null) {
    try {
      await getUser();
      return;
    } catch (error) {
      // The stored token belongs to an earlier simulator run: replace it. Any other failure is for the UI to show.
      if (!isApiError(error) || (error.kind !== 'auth' && error.kind !== 'forbidden')) throw error;
      setSession(null);
    }
  }
  await exchangeCode(adminCode, false);
}

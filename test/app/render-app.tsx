/**
 * Renders the real route tree in a memory router for DOM tests, against whatever the
 * test's MSW server answers at http://localhost.
 */
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { configureClient } from '../../src/api/client';
import { setSession } from '../../src/api/session';
import { AppProviders, AppRouter } from '../../src/app/app';
import { createQueryClient } from '../../src/app/query-client';
import { createRoutes } from '../../src/app/routes';
import { ADMIN, GOOD_TOKEN } from './fixtures';

export const TEST_ORIGIN = 'http://localhost';

// The first render of a lazy route compiles its module on the fly under Vitest, which
// can take longer than Testing Library's default one second on a loaded machine.
configure({ asyncUtilTimeout: 5_000 });

/** A fresh client (online, no refresh in flight) aimed at the test's MSW server. */
export function resetClient(): void {
  configureClient({ baseUrl: TEST_ORIGIN });
}

/** A session for this tab as the admin; `accessToken` defaults to the token the hand-written answers expect. */
export function signInForTest(accessToken: string = GOOD_TOKEN): void {
  setSession({
    accessToken,
    refreshToken: null,
    expiresAt: null,
    user: { id: ADMIN.id, email: ADMIN.email, name: ADMIN.name ?? ADMIN.email },
    remember: false,
  });
}

export function renderApp(path: string) {
  // No retries: a test says exactly which answer fails.
  const queryClient = createQueryClient({ queries: { retry: false } });
  const router = createMemoryRouter(createRoutes(), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <AppRouter router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient, user, location: () => router.state.location };
}

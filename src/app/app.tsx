import { useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider, createBrowserRouter } from 'react-router';
import type { DataRouter } from 'react-router';
import { flushSync } from 'react-dom';
import { createQueryClient } from './query-client';
import { createRoutes } from './routes';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

// Router updates asked to flush (URL_VIEW_STATE) render at once instead of in a transition.
const flushRouterUpdate = (fn: () => unknown): undefined => {
  flushSync(fn);
};

/** The app's router, with the DOM's flushSync (the tests' memory router too). */
export function AppRouter({ router }: { router: DataRouter }) {
  return <RouterProvider router={router} flushSync={flushRouterUpdate} />;
}

export function App() {
  const [queryClient] = useState(() => createQueryClient());
  const [router] = useState(() => createBrowserRouter(createRoutes()));
  return (
    <AppProviders queryClient={queryClient}>
      <AppRouter router={router} />
    </AppProviders>
  );
}

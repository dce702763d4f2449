import { QueryClient } from '@tanstack/react-query';
import type { DefaultOptions } from '@tanstack/react-query';
import { retryApiError } from '../api/queries';

/**
 * Server state lives here. Retries only what can heal (master unreachable, 5xx,
 * garbage from a proxy); a 4xx is an answer, not a hiccup. Data is refetched when the
 * window regains focus, and kept on screen (marked stale by the pages) when a refetch fails.
 */
export function createQueryClient(overrides?: DefaultOptions): QueryClient {
  return new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        retry: retryApiError,
        refetchOnWindowFocus: true,
        staleTime: 2_000,
        ...overrides?.queries,
      },
      mutations: {
        retry: false,
        ...overrides?.mutations,
      },
    },
  });
}

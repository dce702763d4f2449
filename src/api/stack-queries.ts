/** Query options for one stack, a stack deploy being followed, and the grid's volumes. */
import { queryOptions } from '@tanstack/react-query';
import { isApiError } from './errors';
import { queryKeys, retryApiError } from './queries';
import { refreshAfterStackChange } from './stack-mutations';
import { getStack, getStackDeploy } from './stacks';
import type { StackDeploy } from './stacks';
import { listVolumes } from './volumes';

export const stackQuery = (grid: string, stack: string) =>
  queryOptions({ queryKey: queryKeys.stack(grid, stack), queryFn: ({ signal }) => getStack(grid, stack, { signal }) });

/** How often a stack deploy is polled, as `kontena stack deploy` does (G3.5). */
const STACK_DEPLOY_POLL_MS = 1000;

export function isStackDeployFinished(deploy: StackDeploy): boolean {
  return deploy.state === 'success' || deploy.state === 'error';
}

/**
 * A stack deploy, polled every second until it succeeds or fails. The poll that first
 * sees the end refreshes the stack, the stacks and the services (their states moved).
 */
export const stackDeployQuery = (grid: string, stack: string, id: string) =>
  queryOptions({
    queryKey: queryKeys.stackDeploy(grid, stack, id),
    queryFn: async ({ signal, client, queryKey }) => {
      const before = client.getQueryData<StackDeploy>(queryKey);
      const deploy = await getStackDeploy(grid, stack, id, { signal });
      if (isStackDeployFinished(deploy) && (before === undefined || !isStackDeployFinished(before))) {
        void refreshAfterStackChange(client, grid, stack, 'deployed');
      }
      return deploy;
    },
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (data && isStackDeployFinished(data)) return false;
      if (isApiError(error) && (error.kind === 'notFound' || error.kind === 'auth' || error.kind === 'forbidden')) return false;
      return STACK_DEPLOY_POLL_MS;
    },
    refetchIntervalInBackground: true,
    retry: (failureCount, error) => retryApiError(failureCount, error),
  });

export const volumesQuery = (grid: string) =>
  queryOptions({ queryKey: queryKeys.volumes(grid), queryFn: ({ signal }) => listVolumes(grid, { signal }) });

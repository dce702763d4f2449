/**
 * The changes to a grid's vault secrets as mutation options (see api/service-mutations
 * for how a view runs them), and what each refreshes. A value the master answers with is
 * never kept in a mutation's state: create and update answer nothing, and a revealed
 * value goes with the row that asked for it.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { mutationKeys, queryKeys } from './queries';
import { createSecret, deleteSecret, getSecret, updateSecret } from './secrets';

/**
 * The grid's secrets list after any change; after a new value also the services list
 * (the master redeploys the running services that use the secret).
 */
async function refreshAfterSecretChange(client: QueryClient, grid: string, change: 'create' | 'update' | 'delete'): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.secrets(grid) }),
    change === 'update' ? client.invalidateQueries({ queryKey: queryKeys.services(grid), exact: true }) : null,
  ]);
}

export function secretCreateMutation(grid: string) {
  return mutationOptions({
    mutationKey: mutationKeys.secret(grid, 'create'),
    mutationFn: async ({ name, value }: { name: string; value: string }): Promise<void> => {
      await createSecret(grid, name, value);
    },
    onSettled: (_data, error, _variables, _context, { client }) =>
      error === null ? refreshAfterSecretChange(client, grid, 'create') : undefined,
  });
}

export function secretUpdateMutation(grid: string, name: string) {
  return mutationOptions({
    mutationKey: mutationKeys.secret(grid, 'update'),
    mutationFn: async (value: string): Promise<void> => {
      await updateSecret(grid, name, value);
    },
    onSettled: (_data, error, _variables, _context, { client }) =>
      error === null ? refreshAfterSecretChange(client, grid, 'update') : undefined,
  });
}

export function secretDeleteMutation(grid: string) {
  return mutationOptions({
    mutationKey: mutationKeys.secret(grid, 'delete'),
    mutationFn: (name: string) => deleteSecret(grid, name),
    onSettled: (_data, error, _variables, _context, { client }) =>
      error === null ? refreshAfterSecretChange(client, grid, 'delete') : undefined,
  });
}

/**
 * Reads a value (GET /v1/secrets/G/NAME, which the master writes to its audit log): a
 * mutation, not a query, so it is read only when asked for and never cached.
 */
export function secretRevealMutation(grid: string, name: string) {
  return mutationOptions({
    mutationKey: mutationKeys.secret(grid, 'reveal'),
    mutationFn: () => getSecret(grid, name),
    gcTime: 0,
  });
}

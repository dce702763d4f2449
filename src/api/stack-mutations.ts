/**
 * The changes to stacks and volumes as mutation options (see api/service-mutations for how
 * a view runs them), and what each refreshes: decided here, never by a view.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { isApiError, isTransientApiError } from './errors';
import { mutationKeys, queryKeys } from './queries';
import type { VolumeCreateBody } from './schemas/requests/volume-body';
import type { Stack } from './schemas/stack';
import type { StackBody } from './schemas/requests/stack-body';
import { deployStack, getStack, installStack, removeStack, upgradeStack } from './stacks';
import { createVolume, removeVolume } from './volumes';

/**
 * What a change to a stack makes stale:
 * - 'saved' (an install or upgrade: services created at once), 'deploy' (a deploy accepted:
 *   the master updated the services from the revision at once) and 'deployed' (a deploy
 *   finished): the stack, the stacks list and the services list (the stack itself not when
 *   the master's answer is already in the cache);
 * - 'removed': the stack leaves the cache and the lists are read again.
 */
export async function refreshAfterStackChange(
  client: QueryClient,
  grid: string,
  stack: string,
  change: 'saved' | 'deploy' | 'deployed' | 'removed',
): Promise<void> {
  const lists = [
    client.invalidateQueries({ queryKey: queryKeys.stacks(grid), exact: true }),
    client.invalidateQueries({ queryKey: queryKeys.services(grid), exact: true }),
    // A deploy and a removal are in the audit log.
    change === 'deployed' ? null : client.invalidateQueries({ queryKey: queryKeys.auditLog(grid) }),
  ];
  if (change === 'removed') {
    client.setQueryData<Stack[]>(queryKeys.stacks(grid), (old) => old?.filter((s) => s.name !== stack));
    client.removeQueries({ queryKey: queryKeys.stack(grid, stack), exact: true });
    await Promise.all(lists);
    return;
  }
  if (change === 'saved') {
    await Promise.all(lists);
    return;
  }
  await Promise.all([...lists, client.invalidateQueries({ queryKey: queryKeys.stack(grid, stack), exact: true })]);
}

/**
 * `kontena stack install` (without its deploy, which the page offers next): the answer is
 * the stack, kept as its first read; the stacks and services lists are read again.
 */
export function stackInstallMutation(grid: string) {
  return mutationOptions({
    mutationKey: mutationKeys.stackInstall(grid),
    mutationFn: (body: StackBody) => installStack(grid, body),
    onSettled: (stack, error, _variables, _context, { client }) => {
      if (error !== null || stack === undefined) return undefined;
      client.setQueryData(queryKeys.stack(grid, stack.name), stack);
      return refreshAfterStackChange(client, grid, stack.name, 'saved');
    },
  });
}

/** `kontena stack upgrade` (without its deploy): a new revision of the stack. */
export function stackUpgradeMutation(grid: string, stack: string) {
  return mutationOptions({
    mutationKey: mutationKeys.stack(grid, stack, 'upgrade'),
    mutationFn: (body: StackBody) => upgradeStack(grid, stack, body),
    onSettled: (answer, error, _variables, _context, { client }) => {
      if (error !== null || answer === undefined) return undefined;
      client.setQueryData(queryKeys.stack(grid, stack), answer);
      return refreshAfterStackChange(client, grid, stack, 'saved');
    },
  });
}

/** `kontena stack deploy`: the answer is the stack deploy, first read of stackDeployQuery. */
export function stackDeployMutation(grid: string, stack: string) {
  return mutationOptions({
    mutationKey: mutationKeys.stack(grid, stack, 'deploy'),
    mutationFn: () => deployStack(grid, stack),
    onSettled: (deploy, error, _variables, _context, { client }) => {
      if (error !== null || deploy === undefined) return undefined;
      client.setQueryData(queryKeys.stackDeploy(grid, stack, deploy.id), deploy);
      return refreshAfterStackChange(client, grid, stack, 'deploy');
    },
  });
}

const REMOVE_POLL_MS = 1000;
const REMOVE_WAIT_LIMIT_MS = 120_000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `kontena stack rm`: accepted at once, done when the master answers 404 for the stack (G3.6). */
async function removeStackAndWait(grid: string, stack: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  await removeStack(grid, stack);
  for (let waited = 0; waited <= REMOVE_WAIT_LIMIT_MS; waited += REMOVE_POLL_MS) {
    try {
      await getStack(grid, stack);
    } catch (error) {
      if (isApiError(error) && error.kind === 'notFound') return;
      if (!isTransientApiError(error)) throw error;
    }
    await sleep(REMOVE_POLL_MS);
  }
  throw new Error(`The master accepted the removal of stack ${stack}, but it still exists after ${REMOVE_WAIT_LIMIT_MS / 1000} s.`);
}

export function stackRemoveMutation(grid: string, stack: string, options: { sleep?: (ms: number) => Promise<void> } = {}) {
  return mutationOptions({
    mutationKey: mutationKeys.stack(grid, stack, 'remove'),
    mutationFn: () => removeStackAndWait(grid, stack, options.sleep ?? realSleep),
    onSettled: (_data, error, _variables, _context, { client }) =>
      error === null ? refreshAfterStackChange(client, grid, stack, 'removed') : undefined,
  });
}

/** `kontena volume create`: the volumes list is read again. */
export function volumeCreateMutation(grid: string) {
  return mutationOptions({
    mutationKey: mutationKeys.volume(grid, 'create'),
    mutationFn: (body: VolumeCreateBody) => createVolume(grid, body),
    onSettled: (_data, error, _variables, _context, { client }) =>
      error === null ? client.invalidateQueries({ queryKey: queryKeys.volumes(grid), exact: true }) : undefined,
  });
}

/**
 * `kontena volume rm`: refused (422) while a service mounts it; the list is read again
 * either way, and after a refusal the services too (what told the page it was unused was stale).
 */
export function volumeRemoveMutation(grid: string) {
  return mutationOptions({
    mutationKey: mutationKeys.volume(grid, 'remove'),
    mutationFn: (name: string) => removeVolume(grid, name),
    onSettled: async (_data, error, _variables, _context, { client }) => {
      const refused = isApiError(error) && error.kind === 'validation';
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.volumes(grid), exact: true }),
        refused ? client.invalidateQueries({ queryKey: queryKeys.services(grid), exact: true }) : undefined,
      ]);
    },
  });
}

/**
 * The changes to a node as mutation options (see api/service-mutations for how a view runs
 * them), and what each refreshes: decided here, never by a view.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { removeNode, updateNodeLabels } from './nodes';
import { mutationKeys, queryKeys } from './queries';

/** A label change refreshes the node and the nodes list; the master's answer is the node as it is now. */
export function nodeLabelsMutation(grid: string, node: string) {
  return mutationOptions({
    mutationKey: mutationKeys.node(grid, node, 'labels'),
    mutationFn: (labels: string[]) => updateNodeLabels(grid, node, labels),
    // In onSettled, not onSuccess: a view spreading the options with an onSuccess of its own would replace it.
    onSettled: (answer, error, _variables, _context, { client }) => {
      if (error !== null || answer === undefined) return undefined;
      client.setQueryData(queryKeys.node(grid, node), answer);
      return client.invalidateQueries({ queryKey: queryKeys.nodes(grid), exact: true });
    },
  });
}

/**
 * A removed node leaves the nodes list at once; the list, the grid's
 * containers and every service list are read again (its instances are rescheduled).
 */
async function refreshAfterNodeRemoved(client: QueryClient, grid: string, node: string): Promise<void> {
  client.removeQueries({ queryKey: queryKeys.node(grid, node) });
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.nodes(grid), exact: true }),
    client.invalidateQueries({ queryKey: queryKeys.gridContainers(grid) }),
    client.invalidateQueries({ queryKey: queryKeys.services(grid), exact: true }),
    // The master wrote "remove node" to the audit log.
    client.invalidateQueries({ queryKey: queryKeys.auditLog(grid) }),
  ]);
}

export function nodeRemoveMutation(grid: string, node: string) {
  return mutationOptions({
    mutationKey: mutationKeys.node(grid, node, 'remove'),
    mutationFn: () => removeNode(grid, node),
    onSettled: (_data, error, _variables, _context, { client }) =>
      error === null ? refreshAfterNodeRemoved(client, grid, node) : undefined,
  });
}

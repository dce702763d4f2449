import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isDeployFinished } from '../../api/deploys';
import { queryKeys } from '../../api/queries';
import type { Deploy } from '../../api/schemas/deploy';
import type { ServiceRef } from '../../api/service-ref';

/**
 * A deploy of this service that this browser is following (a Deploy or Scale started
 * here polls its record through `deployQuery`, which lives in the query cache) and that
 * has not finished; null otherwise. The master cannot list deploys, so this is the only
 * certain source.
 */
export function useFollowedDeploy(ref: ServiceRef): Deploy | null {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const { grid, stack, name } = ref;
  const read = useCallback((): Deploy | null => {
    const prefix = [...queryKeys.service({ grid, stack, name }), 'deploy'];
    let newest: Deploy | null = null;
    for (const query of cache.findAll({ queryKey: prefix })) {
      const data = query.state.data as Deploy | undefined;
      if (!data || isDeployFinished(data)) continue;
      if (newest === null || data.created_at > newest.created_at) newest = data;
    }
    return newest;
  }, [cache, grid, stack, name]);
  return useSyncExternalStore(subscribe, read, read);
}

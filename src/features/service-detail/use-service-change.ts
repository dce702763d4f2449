import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import type { Service } from '../../api/schemas/service';
import type { ServiceRef } from '../../api/service-ref';

/**
 * A change the overview's env, secret and link panels make to the service. After it
 * went through, `onDone` updates the panel, the master's answer (when the call returns
 * the service) is shown at once, and the service and the grid's list are read again.
 * A failure may mean the service changed or is gone: the service is read again too.
 */
export function useServiceChange<TInput>(serviceRef: ServiceRef, change: (input: TInput) => Promise<Service> | Promise<void>, onDone: (input: TInput) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    // An env change answers nothing; a secret or link change answers the service.
    mutationFn: async (input: TInput): Promise<Service | undefined> => (await change(input)) ?? undefined,
    onSuccess: async (updated, input) => {
      onDone(input);
      if (updated !== undefined) queryClient.setQueryData(queryKeys.service(serviceRef), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.service(serviceRef) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.services(serviceRef.grid) }),
      ]);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.service(serviceRef) }),
  });
}

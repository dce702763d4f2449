import { useMemo } from 'react';
import { useParams } from 'react-router';
import { NULL_STACK } from '../api/service-ref';
import type { ServiceRef } from '../api/service-ref';

/**
 * The service of the current `/grids/:grid/services/:stack/:name/*` route. The same
 * object while the route names the same service, so it can go into hook dependencies.
 */
export function useServiceRef(): ServiceRef {
  const { grid = '', stack = NULL_STACK, name = '' } = useParams();
  return useMemo(() => ({ grid, stack, name }), [grid, stack, name]);
}

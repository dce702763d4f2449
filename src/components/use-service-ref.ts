import { useParams } from 'react-router';
import { NULL_STACK } from '../api/service-ref';
import type { ServiceRef } from '../api/service-ref';

/** The service of the current `/grids/:grid/services/:stack/:name/*` route. */
export function useServiceRef(): ServiceRef {
  const params = useParams();
  return { grid: params.grid ?? '', stack: params.stack ?? NULL_STACK, name: params.name ?? '' };
}

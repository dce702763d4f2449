import { useServiceRef } from '../../components/use-service-ref';
import { ServiceLayout } from '../../features/service-detail/service-layout';
import { ServiceActions } from '../../features/services/service-actions';

/**
 * The service page: the service-detail feature's layout (header, tabs) with the
 * lifecycle actions of the services feature in its header. Features never import each
 * other, so they meet here.
 */
export function ServiceRoute() {
  const ref = useServiceRef();
  return <ServiceLayout actions={<ServiceActions serviceRef={ref} />} />;
}

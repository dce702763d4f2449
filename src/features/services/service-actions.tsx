import type { ServiceRef } from '../../api/service-ref';

// Placeholder until the lifecycle-actions issue lands: the service page header's actions.
export function ServiceActions(_props: { serviceRef: ServiceRef }) {
  return null;
}

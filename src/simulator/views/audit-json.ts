/** AuditJson (docs/kontena-api-grid.md G5.1): 12 keys in the jbuilder's order. */
import type { Store } from '../model/store';
import { isoZ } from '../model/time';
import type { AuditRecord } from '../model/types';

interface AuditJson {
  time: string;
  grid: string | null;
  grid_id: string | null;
  service: string;
  resource_type: string;
  resource_name: string | null;
  resource_id: string;
  event_name: string;
  event_status: 'success';
  source_ip: string;
  user_agent: string | null;
  user_identity: { id: string; email: string };
}

export function auditJson(store: Store, log: AuditRecord): AuditJson {
  // `log.grid ? ...`: once the grid record is gone (deleted, even if re-created under the name) both read null.
  const grid = log.gridName === null ? undefined : store.grids.get(log.gridName);
  const live = grid !== undefined && grid.id === log.gridId;
  return {
    time: isoZ(log.createdAt),
    grid: live ? grid.name : null,
    grid_id: live ? grid.id : null,
    service: log.serviceId,
    resource_type: log.resourceType,
    resource_name: log.resourceName,
    resource_id: log.resourceId,
    event_name: log.eventName,
    event_status: 'success',
    source_ip: log.sourceIp,
    user_agent: log.userAgent,
    user_identity: { id: log.userId, email: log.userEmail },
  };
}

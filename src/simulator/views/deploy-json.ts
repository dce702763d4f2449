/** DeployJson (docs/kontena-api.md §4.5): created_at as Time (`Z`), started/finished as DateTime (`+00:00`). */
import { servicePath } from '../model/store';
import type { DeployRecord, DeployState } from '../model/types';
import { isoOffset, isoZ } from '../model/time';

interface DeployJson {
  id: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  service_id: string;
  state: DeployState;
  reason: string | null;
  instance_count: number;
  instance_deploys: { instance_number: number; node: string; state: DeployState; error: string | null }[];
}

export function deployJson(d: DeployRecord): DeployJson {
  return {
    id: d.id,
    created_at: isoZ(d.createdAt),
    started_at: d.startedAt === null ? null : isoOffset(d.startedAt),
    finished_at: d.finishedAt === null ? null : isoOffset(d.finishedAt),
    service_id: servicePath(d.service),
    state: d.state,
    reason: d.reason,
    instance_count: d.service.instances,
    instance_deploys: d.instanceDeploys.map((i) => ({ instance_number: i.instanceNumber, node: i.node, state: i.state, error: i.error })),
  };
}

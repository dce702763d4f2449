/**
 * GridSchedulerJob (docs/kontena-api.md §4.4): every 20 s, each `running` service with no
 * pending or active deploy gets a new deploy when (a) it changed since its last deploy,
 * (b) its instances are missing, extra, stopped or on a disconnected node, or (c) its
 * deploy interval has passed; each writes a `scheduler` event.
 */
import { servicePath } from '../model/store';
import type { ServiceRecord } from '../model/types';
import type { DeployWorker } from './deploy-worker';
import type { EngineKit } from './kit';
import { placementOk } from './placement';

export const SCHEDULER_INTERVAL_MS = 20_000;

function schedulerReason(service: ServiceRecord, now: number): string | null {
  if (service.deployedAt === null || service.updatedAt > service.deployedAt) return 'does have older version running';
  if (!placementOk(service)) return 'has wrong number of instances (or they are not distributed correctly)';
  const interval = service.deployOpts.interval;
  if (interval !== null && interval > 0 && now - service.deployedAt >= interval * 1000) return 'deploy interval has passed';
  return null;
}

export function runSchedulerPass(kit: EngineKit, worker: DeployWorker): void {
  const now = kit.clock.now();
  for (const grid of kit.store.grids.values()) {
    // Agents ping the master all the time; keep last_seen_at fresh for the connected ones.
    for (const node of grid.nodes.values()) if (node.connected) node.lastSeenAt = now;
    for (const service of grid.services.values()) {
      if (service.state !== 'running' || worker.busy(service)) continue;
      const reason = schedulerReason(service, now);
      if (reason === null) continue;
      kit.events.master(service, `service ${servicePath(service)} ${reason}`, { type: 'scheduler' });
      worker.create(service, false);
    }
  }
}

/**
 * The grid in numbers: nodes online and offline, services by state, instances running
 * and not. Counted from the lists the overview polls anyway (the services carry their
 * instance counts), so no request of the grid's 3 MB containers is needed.
 */
import type { Node } from '../../api/schemas/node';
import type { Service, ServiceState } from '../../api/schemas/service';

export interface GridCounts {
  nodes: { total: number; online: number; offline: number };
  services: { total: number; byState: Record<ServiceState, number> };
  instances: { total: number; running: number; notRunning: number };
}

export const SERVICE_STATES: readonly ServiceState[] = ['running', 'deploying', 'restarting', 'stopped', 'initialized'];

export function countNodes(nodes: readonly Node[]): GridCounts['nodes'] {
  let online = 0;
  for (const node of nodes) if (node.connected) online += 1;
  return { total: nodes.length, online, offline: nodes.length - online };
}

export function countServices(services: readonly Service[]): Pick<GridCounts, 'services' | 'instances'> {
  const byState: Record<ServiceState, number> = { running: 0, deploying: 0, restarting: 0, stopped: 0, initialized: 0 };
  let total = 0;
  let running = 0;
  for (const service of services) {
    byState[service.state] += 1;
    total += service.instance_counts.total;
    running += service.instance_counts.running;
  }
  return { services: { total: services.length, byState }, instances: { total, running, notRunning: Math.max(0, total - running) } };
}

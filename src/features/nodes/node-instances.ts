/**
 * The containers running on one node (there is no per-node containers endpoint:
 * docs/kontena-api-grid.md G2.6, so the grid's list is grouped by `node.name`), each with the
 * service it belongs to. The grid's list is read as ContainerSummary (checked off the main
 * thread), which has no `service_id`: the service is read from the container's name, which
 * the master makes `<service>-<instance>` in the default stack and
 * `<stack>.<service>-<instance>` in a stack (docs/kontena-api.md §4.6; stack and service
 * names hold no "."). Containers the agent runs for itself (weave, etcd, …) have no
 * instance number and no service.
 */
import type { ContainerSummary } from '../../api/schemas/container';
import { NULL_STACK, serviceDisplayName, serviceId } from '../../api/service-ref';
import type { ServiceRef } from '../../api/service-ref';

export interface NodeInstance {
  name: string;
  status: ContainerSummary['status'];
  /** null: an infrastructure container of the agent, or a name not of the master's form. */
  service: ServiceRef | null;
  startedAt: string | null;
}

/** The service of a container, from its name and instance number; null when the name is not `[stack.]service-N`. */
export function serviceOfContainer(grid: string, name: string, instanceNumber: number | null): ServiceRef | null {
  if (instanceNumber === null) return null;
  const suffix = `-${instanceNumber}`;
  if (!name.endsWith(suffix)) return null;
  const base = name.slice(0, -suffix.length);
  const dot = base.indexOf('.');
  const stack = dot < 0 ? NULL_STACK : base.slice(0, dot);
  const service = dot < 0 ? base : base.slice(dot + 1);
  if (stack === '' || service === '' || service.includes('.')) return null;
  return { grid, stack, name: service };
}

export function instancesOnNode(grid: string, containers: readonly ContainerSummary[], node: string): NodeInstance[] {
  const out: NodeInstance[] = [];
  for (const c of containers) {
    if (c.node?.name !== node) continue;
    out.push({
      name: c.name,
      status: c.status,
      service: serviceOfContainer(grid, c.name, c.instance_number),
      startedAt: c.started_at,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** The services with an instance on the node, each once, by display name. */
export function servicesOf(instances: readonly NodeInstance[]): ServiceRef[] {
  const byId = new Map<string, ServiceRef>();
  for (const i of instances) if (i.service !== null) byId.set(serviceId(i.service), i.service);
  return [...byId.values()].sort((a, b) => serviceDisplayName(a).localeCompare(serviceDisplayName(b)));
}

/**
 * Services that depend on others through their instances (GridService#depending_on_other_services?
 * and #dependant_services of Kontena 1.2, docs/kontena-api-grid.md G3.5): `volumes_from`,
 * a `service==`/`service!=` (or `container==`/`container!=`) affinity, `net: container:…`.
 * A deploy of a service is followed by deploys of its dependants; a stack deploy skips the
 * services that depend on others, since their dependencies' deploys bring them along.
 */
import type { ServiceRecord } from './types';

/** The service's affinity, or the grid's default when it has none (GridService#affinity). */
function effectiveAffinity(service: ServiceRecord): string[] {
  return service.affinity.length > 0 ? service.affinity : service.grid.defaultAffinity;
}

export function dependsOnOtherServices(service: ServiceRecord): boolean {
  if (effectiveAffinity(service).some((a) => /^(service|container)(!=|==).+/.test(a))) return true;
  if (service.volumesFrom.length > 0) return true;
  return /^container:.+/.test(service.net);
}

/**
 * The grid's services that name this one's containers or the service itself. Like the
 * master's query, by the bare name (any stack) and with the stored affinity only.
 */
export function dependantServices(service: ServiceRecord): ServiceRecord[] {
  const { name } = service;
  // Made once per call: every finished deploy runs this over the grid's services (5,000 in `large`).
  const instanceOf = new RegExp(`^${escapeRegExp(name)}-(%s|\\d+)`);
  const containerOf = new RegExp(`^container:${escapeRegExp(name)}-(%s|\\d+)`);
  const out: ServiceRecord[] = [];
  for (const other of service.grid.services.values()) {
    if (other === service || other.destroyed) continue;
    const viaVolumes = other.volumesFrom.some((v) => instanceOf.test(v));
    const viaAffinity = other.affinity.some((a) => a === `service==${name}` || a === `service!=${name}`);
    const viaNet = containerOf.test(other.net);
    if (viaVolumes || viaAffinity || viaNet) out.push(other);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

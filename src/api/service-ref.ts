import { apiPath } from './path';
import type { Service } from './schemas/service';

/** A service's identity. `stack` is 'null' for the grid's default stack. */
export interface ServiceRef {
  grid: string;
  stack: string;
  name: string;
}

/** The default stack every grid has (docs/kontena-api.md §1.1). */
export const NULL_STACK = 'null';

/** "G/S/N", the master's service id. */
export function serviceId(ref: ServiceRef): string {
  return `${ref.grid}/${ref.stack}/${ref.name}`;
}

/** The ref of a "G/S/N" id, or null when it does not have exactly three non-empty parts. */
export function tryParseServiceId(id: string): ServiceRef | null {
  const parts = id.split('/');
  if (parts.length !== 3) return null;
  const [grid, stack, name] = parts;
  if (!grid || !stack || !name) return null;
  return { grid, stack, name };
}

export function parseServiceId(id: string): ServiceRef {
  const ref = tryParseServiceId(id);
  if (!ref) throw new TypeError(`"${id}" is not a service id of the form grid/stack/name.`);
  return ref;
}

/** The ref of a service as the master returned it. */
export function refOfService(service: Service): ServiceRef {
  return tryParseServiceId(service.id) ?? { grid: service.grid.id, stack: service.stack.name, name: service.name };
}

/** "name" in the default stack, "stack/name" otherwise (as the CLI shows it). */
export function serviceDisplayName(service: ServiceRef | Service): string {
  const stack = typeof service.stack === 'string' ? service.stack : service.stack.name;
  return stack === NULL_STACK ? service.name : `${stack}/${service.name}`;
}

/** `/v1/services/G/S/N[/sub]`, each segment encoded, the separators kept. */
export function servicePath(ref: ServiceRef, sub?: string): string {
  const base = apiPath`/v1/services/${ref.grid}/${ref.stack}/${ref.name}`;
  return sub === undefined ? base : `${base}/${sub}`;
}

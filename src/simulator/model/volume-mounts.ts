/**
 * How a null-stack service's `volumes` strings become ServiceVolume records and back
 * (docs/kontena-api-grid.md G4 "How services reference volumes"): a named volume is looked
 * up among the grid's volumes, and a name the grid does not have is dropped (quirk): the
 * mount silently becomes an anonymous volume. Flags are joined with "," as the master
 * stores them. Stack services map names through the stack's `external` volumes instead.
 */
import type { GridRecord } from './types';

/** `ServiceVolume#to_s` of `parse_volume(spec)`; a spec the validation refused is kept as it is. */
function resolveVolume(grid: GridRecord, spec: string): string {
  const elements = spec.split(':');
  const [first = '', path = ''] = elements;
  if (elements.length < 2 || !path.startsWith('/')) return spec;
  const flags = elements.slice(2).join(',');
  const source = first.startsWith('/') || grid.volumes.has(first) ? first : null;
  return [source, path, flags].filter((e): e is string => e !== null && e !== '').join(':');
}

export function resolveVolumes(grid: GridRecord, specs: string[]): string[] {
  return specs.map((spec) => resolveVolume(grid, spec));
}

/**
 * Which services mount which grid volume, read from the services list alone (no
 * container query per service): a service's `volumes` strings `V:/path[:flags]` name a
 * grid volume; a stack service's JSON shows the grid volume its stack volume points at
 * (docs/kontena-api-grid.md G4).
 */
import type { Service } from '../../api/schemas/service';
import { NULL_STACK } from '../../api/service-ref';
import { parseVolume } from '../../lib/options/volumes';

export interface VolumeUse {
  service: Service;
  /** Where it is mounted in the containers, with the flags (`/data:ro`). */
  mounts: string[];
}

/** Grid volume name → the services that mount it, in the list's order. */
export function volumeUsage(services: readonly Service[]): Map<string, VolumeUse[]> {
  const usage = new Map<string, VolumeUse[]>();
  for (const service of services) {
    const mine = new Map<string, string[]>();
    for (const raw of service.volumes) {
      const spec = parseVolume(raw);
      if (!spec.ok || spec.value.kind !== 'named') continue;
      const { volume, path, flags } = spec.value;
      const mounts = mine.get(volume) ?? [];
      mounts.push(flags === '' ? path : `${path}:${flags}`);
      mine.set(volume, mounts);
    }
    for (const [volume, mounts] of mine) {
      const uses = usage.get(volume) ?? [];
      uses.push({ service, mounts });
      usage.set(volume, uses);
    }
  }
  return usage;
}

/** How many instances a service has, as the list knows it: the containers it counts, else the number asked for. */
function instanceCount(service: Service): number {
  return Math.max(service.instance_counts.total, service.strategy === 'daemon' ? 0 : service.instances);
}

/** The most docker volume names listed per service; the rest are counted. */
const LISTED_NAMES = 3;

interface DockerVolumeNames {
  names: string[];
  /** How many more there are beyond `names`. */
  more: number;
}

/**
 * The docker volumes the agents create for a service's instances (G4): per instance
 * `<service name with stack>.<V>-<n>`, one per stack `<stack>.<V>`, one per grid `<V>`.
 */
export function dockerVolumeNames(volume: string, scope: string, service: Service): DockerVolumeNames {
  const stack = service.stack.name;
  if (scope === 'grid') return { names: [volume], more: 0 };
  if (scope === 'stack') return { names: [`${stack}.${volume}`], more: 0 };
  const prefix = stack === NULL_STACK ? service.name : `${stack}.${service.name}`;
  const count = instanceCount(service);
  const shown = Math.min(count, LISTED_NAMES);
  return { names: Array.from({ length: shown }, (_, i) => `${prefix}.${volume}-${i + 1}`), more: count - shown };
}

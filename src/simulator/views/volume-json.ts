/** VolumeJson (docs/kontena-api-grid.md G4): 7 keys in the jbuilder's order. */
import { isoZ } from '../model/time';
import type { GridRecord, VolumeRecord } from '../model/types';

interface VolumeJson {
  created_at: string;
  updated_at: string;
  /** "G/V" (Volume#to_path). */
  id: string;
  name: string;
  scope: string;
  driver: string;
  driver_opts: Record<string, unknown> | null;
}

export function volumeJson(grid: GridRecord, volume: VolumeRecord): VolumeJson {
  return {
    created_at: isoZ(volume.createdAt),
    updated_at: isoZ(volume.updatedAt),
    id: `${grid.name}/${volume.name}`,
    name: volume.name,
    scope: volume.scope,
    driver: volume.driver,
    driver_opts: volume.driverOpts,
  };
}

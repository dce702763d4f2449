import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { emptyObjectSchema } from './schemas/common';
import type { VolumeCreateBody } from './schemas/requests/volume-body';
import { volumeListSchema, volumeSchema } from './schemas/volume';
import type { z } from './schemas/zod-mini';

export type Volume = z.infer<typeof volumeSchema>;

/** The grid's volume definitions, in the master's order (docs/kontena-api-grid.md G4). */
export async function listVolumes(grid: string, options?: RequestOptions): Promise<Volume[]> {
  const { volumes } = await apiRequest(volumeListSchema, apiPath`/v1/volumes/${grid}`, { signal: options?.signal });
  return volumes;
}

export function createVolume(grid: string, body: VolumeCreateBody): Promise<Volume> {
  return apiRequest(volumeSchema, apiPath`/v1/volumes/${grid}`, { method: 'POST', body });
}

/** Refused (422, keyed by the bare service name) while a service mounts it. */
export async function removeVolume(grid: string, name: string): Promise<void> {
  await apiRequest(emptyObjectSchema, apiPath`/v1/volumes/${grid}/${name}`, { method: 'DELETE' });
}

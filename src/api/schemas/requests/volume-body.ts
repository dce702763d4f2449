import { z } from '../zod-mini';

/**
 * `POST /v1/volumes/G` (docs/kontena-api-grid.md G4), as `kontena volume create` sends it.
 * The master's rules (name format, scope) are checked by the form before sending.
 */
export const volumeCreateBodySchema = z.strictObject({
  name: z.string(),
  scope: z.enum(['instance', 'stack', 'grid']),
  driver: z.string(),
  driver_opts: z.optional(z.record(z.string(), z.string())),
});
export type VolumeCreateBody = z.infer<typeof volumeCreateBodySchema>;

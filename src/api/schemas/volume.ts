import { z } from './zod-mini';
import { timestampSchema } from './common';

/** VolumeJson (docs/kontena-api-grid.md G4): a grid volume definition; `driver_opts` is null when create did not send it. */
export const volumeSchema = z.looseObject({
  created_at: timestampSchema,
  updated_at: timestampSchema,
  id: z.string(),
  name: z.string(),
  scope: z.string(),
  driver: z.string(),
  driver_opts: z.nullable(z.record(z.string(), z.unknown())),
});

export const volumeListSchema = z.looseObject({ volumes: z.array(volumeSchema) });

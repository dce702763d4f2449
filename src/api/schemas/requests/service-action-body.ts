/**
 * Request bodies of the calls on one service other than create and update
 * (docs/kontena-api.md §4.5, §4.8).
 */
import { filledStringSchema } from './rules';
import { z } from '../zod-mini';

/** `POST …/deploy`: `{}`, or `{"force": true}` to redeploy instances that are up to date. */
export const deployBodySchema = z.strictObject({ force: z.optional(z.boolean()) });
export type DeployBody = z.infer<typeof deployBodySchema>;

/** `POST …/scale`: any integer (0 and below included; the master has no range check). */
export const scaleBodySchema = z.strictObject({ instances: z.int() });
export type ScaleBody = z.infer<typeof scaleBodySchema>;

/** `POST …/envs`: one `KEY=VALUE`, appended as is (the master checks no format). */
export const envAddBodySchema = z.strictObject({ env: filledStringSchema });
export type EnvAddBody = z.infer<typeof envAddBodySchema>;

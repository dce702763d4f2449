import { z } from '../zod-mini';

/**
 * `PUT /v1/nodes/G/N` (docs/kontena-api-grid.md G2.3): the array replaces every label.
 * The master stores any values; the dashboard sends `key=value` strings, as `kontena node label add` does.
 */
export const nodeUpdateBodySchema = z.strictObject({ labels: z.array(z.string()) });
export type NodeUpdateBody = z.infer<typeof nodeUpdateBodySchema>;

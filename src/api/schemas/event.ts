import { z } from './zod-mini';
import { timestampSchema } from './common';

export const eventSeveritySchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
/** 0 DEBUG, 1 INFO, 2 WARN, 3 ERROR. */
export type EventSeverity = z.infer<typeof eventSeveritySchema>;

const eventRelationshipSchema = z.looseObject({
  id: z.string(),
  type: z.enum(['grid', 'stack', 'service', 'volume', 'node']),
});

/** EventJson (docs/kontena-api.md §4.12). It has no `id`: streams resume by `since`. */
export const eventSchema = z.looseObject({
  created_at: timestampSchema,
  severity: eventSeveritySchema,
  type: z.nullable(z.string()),
  message: z.string(),
  meta: z.nullable(z.looseObject({ instance_number: z.optional(z.number()) })),
  relationships: z.array(eventRelationshipSchema),
});
export type EventLog = z.infer<typeof eventSchema>;

export const eventListSchema = z.looseObject({ logs: z.array(eventSchema) });

import { z } from './zod-mini';
import { timestampSchema } from './common';

/** AuditJson (docs/kontena-api-grid.md G5.1): `grid`/`grid_id` are null once the grid is gone; `service` is "" without one. */
const auditLogSchema = z.looseObject({
  time: timestampSchema,
  grid: z.nullable(z.string()),
  grid_id: z.nullable(z.string()),
  service: z.string(),
  resource_type: z.string(),
  resource_name: z.nullable(z.string()),
  resource_id: z.string(),
  event_name: z.string(),
  event_status: z.string(),
  source_ip: z.string(),
  user_agent: z.nullable(z.string()),
  user_identity: z.looseObject({ id: z.string(), email: z.string() }),
});

/** `GET /v1/grids/G/audit_log` and `GET /v1/audit_logs`: oldest first. */
export const auditLogListSchema = z.looseObject({ logs: z.array(auditLogSchema) });

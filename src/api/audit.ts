import { apiRequest } from './client';
import type { RequestOptions } from './client';
import { apiPath } from './path';
import { auditLogListSchema } from './schemas/audit';
import type { z } from './schemas/zod-mini';

export type AuditEntry = z.infer<typeof auditLogListSchema>['logs'][number];

/** The largest `limit` the master honours; anything else gives 500 entries (docs/kontena-api-grid.md G5.1). */
export const AUDIT_LIMIT_MAX = 3000;

/** The grid's newest `limit` audit entries, oldest first, as the master answers them. */
export async function getGridAuditLog(grid: string, limit: number, options?: RequestOptions): Promise<AuditEntry[]> {
  const bounded = Math.min(AUDIT_LIMIT_MAX, Math.max(1, Math.floor(limit)));
  const { logs } = await apiRequest(auditLogListSchema, apiPath`/v1/grids/${grid}/audit_log`, {
    query: { limit: bounded },
    signal: options?.signal,
  });
  return logs;
}

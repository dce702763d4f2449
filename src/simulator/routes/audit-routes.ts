/**
 * The audit trail (docs/kontena-api-grid.md G5): `GET /v1/grids/G/audit_log` for any grid
 * member, `GET /v1/audit_logs` for master admins. Entries are written by the routes through
 * `req.audit(...)` (router.ts).
 */
import type { SimContext } from '../context';
import { json } from '../http';
import { auditLimit, auditWindow } from '../model/audit';
import { isMasterAdmin } from '../model/store';
import type { GridRecord } from '../model/types';
import type { RouteRequest, Router } from '../router';
import { auditJson } from '../views/audit-json';
import { loadGrid, requireUser } from './helpers';

function answer(ctx: SimContext, url: URL, grid: GridRecord | null): Response {
  const logs = auditWindow(ctx.store, auditLimit(url.searchParams.get('limit')), grid);
  return json(200, { logs: logs.map((log) => auditJson(ctx.store, log)) });
}

const gridLog = ({ auth, params, url }: RouteRequest, ctx: SimContext): Response =>
  answer(ctx, url, loadGrid(ctx, auth, params.grid ?? ''));

function masterLog({ auth, url }: RouteRequest, ctx: SimContext): Response {
  // The real route calls an undefined `halt` for a non-admin: the error handler's 500 (G5.2).
  if (!isMasterAdmin(requireUser(auth))) throw new Error('halt is not defined here');
  return answer(ctx, url, null);
}

export function auditRoutes(router: Router): void {
  // Both are Roda `r.on` prefixes inside `r.get`: a deeper path answers the same.
  router.get('/v1/grids/:grid/audit_log', gridLog);
  router.get('/v1/grids/:grid/audit_log/:rest', gridLog);
  router.get('/v1/audit_logs', masterLog);
  router.get('/v1/audit_logs/:rest', masterLog);
}

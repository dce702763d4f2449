/**
 * `/v1/users` and a grid's members `/v1/grids/G/users[/:email]`
 * (docs/kontena-api-grid.md G0.3, G6.2, G6.3). `/v1/user` is in misc-routes.
 */
import type { SimContext } from '../context';
import { HttpError, json, unprocessable } from '../http';
import { auditOf } from '../model/audit';
import { isMasterAdmin } from '../model/store';
import type { GridRecord, UserRecord } from '../model/types';
import type { Router } from '../router';
import { isPlainObject } from '../validation/filters';
import { userJson } from '../views/user-json';
import { loadGrid, requireUser } from './helpers';

function findUserByEmail(ctx: SimContext, email: unknown): UserRecord | undefined {
  if (typeof email !== 'string') return undefined;
  for (const u of ctx.store.users.values()) if (u.email === email) return u;
  return undefined;
}

/** Members in natural (user creation) order. */
function membersJson(ctx: SimContext, grid: GridRecord): Response {
  const users = [...ctx.store.users.values()].filter((u) => grid.memberIds.has(u.id)).map(userJson);
  return json(200, { users });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function userRoutes(router: Router): void {
  router.get('/v1/users', ({ auth }, ctx) => {
    if (!isMasterAdmin(requireUser(auth))) throw new HttpError(403, { error: 'Operation not allowed' });
    return json(200, { users: [...ctx.store.users.values()].map(userJson) });
  });

  router.get('/v1/grids/:grid/users', ({ auth, params }, ctx) => membersJson(ctx, loadGrid(ctx, auth, params.grid ?? '')));

  router.post('/v1/grids/:grid/users', async (req, ctx) => {
    const grid = loadGrid(ctx, req.auth, req.params.grid ?? '');
    const actor = requireUser(req.auth);
    const body = await req.json();
    const user = findUserByEmail(ctx, isPlainObject(body) ? body.email : undefined);
    if (!user) throw new HttpError(404, { error: 'User not found' });
    const gridAdmin = grid.memberIds.has(actor.id) && actor.roles.some((r) => r.name === 'grid_admin');
    if (!isMasterAdmin(actor) && !gridAdmin) throw unprocessable({ grid: 'Operation not allowed' });
    grid.memberIds.add(user.id);
    req.audit(auditOf.user(grid, user, 'assign user'));
    const res = membersJson(ctx, grid);
    return new Response(res.body, { status: 201, headers: res.headers });
  });

  router.delete('/v1/grids/:grid/users/:email', ({ auth, params, audit }, ctx) => {
    const grid = loadGrid(ctx, auth, params.grid ?? '');
    const actor = requireUser(auth);
    const user = findUserByEmail(ctx, decodeSegment(params.email ?? ''));
    if (!user) throw new HttpError(404, { error: 'User not found' });
    // The acting user must be a member, master admins included.
    if (!grid.memberIds.has(actor.id)) throw unprocessable({ grid: 'Invalid grid' });
    if (!grid.memberIds.has(user.id)) throw unprocessable({ user: 'Invalid user' });
    if (grid.memberIds.size <= 1) throw unprocessable({ grid: 'Cannot remove last user' });
    grid.memberIds.delete(user.id);
    audit(auditOf.user(grid, user, 'unassign user'));
    return membersJson(ctx, grid);
  });
}

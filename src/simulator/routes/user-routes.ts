/**
 * `/v1/users[/E[/roles[/R]]]` and a grid's members `/v1/grids/G/users[/:email]`
 * (docs/kontena-api-grid.md G0.3, G6.2, G6.3). `/v1/user` is in misc-routes; the
 * invitation through `/oauth2/authorize` is in oauth-routes.
 */
import type { SimContext } from '../context';
import { HttpError, json, unprocessable } from '../http';
import { auditOf } from '../model/audit';
import { addUser, isMasterAdmin, removeUser, ROLES } from '../model/store';
import type { GridRecord, RoleRecord, UserRecord } from '../model/types';
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

/** Users::Invite's email rule (docs/kontena-api-grid.md G6.2). */
const INVITE_EMAIL = /^([^@\s]+)@((?:[-a-z0-9]+\.)+[a-z]{2,})$/i;

/** `/v1/users/E…` looks the user up before anything else: unknown → 404 {"error":"Not found"}. */
function userByPath(ctx: SimContext, segment: string | undefined): UserRecord {
  const user = findUserByEmail(ctx, decodeSegment(segment ?? ''));
  if (!user) throw new HttpError(404, { error: 'Not found' });
  return user;
}

/** Role 'x' not found is checked before who asks (Users::AddRole / RemoveRole). */
function roleByName(name: unknown): RoleRecord {
  const role = ROLES.find((r) => r.name === name);
  if (!role) throw unprocessable({ role: `Role '${typeof name === 'string' ? name : ''}' not found` });
  return role;
}

function userCreated(user: UserRecord): Response {
  const res = json(201, userJson(user));
  return new Response(res.body, { status: 201, headers: res.headers });
}

export function userRoutes(router: Router): void {
  router.post('/v1/users', async (req, ctx) => {
    const actor = requireUser(req.auth);
    const body = await req.json();
    const params = isPlainObject(body) ? body : {};
    const email = typeof params.email === 'string' ? params.email : undefined;
    const name = typeof params.name === 'string' ? params.name : undefined;
    // The mutation checks its inputs before who asks.
    if (email !== undefined && !INVITE_EMAIL.test(email)) throw unprocessable({ email: "Email isn't in the right format" });
    if (!isMasterAdmin(actor)) throw unprocessable({ user: 'Operation not allowed' });
    const existing = [...ctx.store.users.values()].find(
      (u) => (email !== undefined && u.email === email) || (name !== undefined && u.name === name),
    );
    if (existing) return userCreated(existing);
    if (email === undefined) throw unprocessable({ email: 'Email is required' });
    return userCreated(addUser(ctx.store, { email, name: name ?? null }));
  });

  router.delete('/v1/users/:email', ({ auth, params }, ctx) => {
    const actor = requireUser(auth);
    const user = userByPath(ctx, params.email);
    if (user === actor) throw new HttpError(400, { error: { user: 'Cannot remove itself' } });
    if (!isMasterAdmin(actor)) throw new HttpError(400, { error: { user: 'Operation not allowed' } });
    removeUser(ctx.store, user);
    return json(200, {});
  });

  router.post('/v1/users/:email/roles', async (req, ctx) => {
    const actor = requireUser(req.auth);
    const user = userByPath(ctx, req.params.email);
    const body = await req.json();
    const role = roleByName(isPlainObject(body) ? body.role : undefined);
    if (!isMasterAdmin(actor)) throw unprocessable({ current_user: 'Operation not allowed' });
    if (!user.roles.some((r) => r.name === role.name)) user.roles.push({ ...role });
    return userCreated(user);
  });

  router.delete('/v1/users/:email/roles/:role', ({ auth, params }, ctx) => {
    const actor = requireUser(auth);
    const user = userByPath(ctx, params.email);
    const role = roleByName(decodeSegment(params.role ?? ''));
    if (!isMasterAdmin(actor)) throw unprocessable({ current_user: 'Operation not allowed' });
    const holders = [...ctx.store.users.values()].filter((u) => u.roles.some((r) => r.name === role.name));
    if (role.name === 'master_admin' && holders.length === 1) {
      throw unprocessable({ role: 'Not allowed to remove last user from Master admin role' });
    }
    user.roles = user.roles.filter((r) => r.name !== role.name);
    return json(200, userJson(user));
  });

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

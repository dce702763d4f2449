// docs/kontena-api-grid.md G6: /v1/user, /v1/users and a grid's members.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

const USER_KEYS = ['id', 'email', 'name', 'roles'];
const ADMIN_ROLES = [{ name: 'master_admin', description: 'Master admin' }];

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

describe('users (G6.1, G6.2)', () => {
  it('shows the token user and lists all users for a master admin', async () => {
    const me = obj((await t.api('GET', '/v1/user')).body);
    expect(Object.keys(me)).toEqual(USER_KEYS);
    expect(me).toMatchObject({ email: 'admin', name: 'admin', roles: ADMIN_ROLES });
    expect(me.id).toMatch(/^[0-9a-f]{24}$/);
    const all = await t.api('GET', '/v1/users');
    expect([all.status, all.body]).toEqual([200, { users: [me] }]);
    expect((await t.api('GET', '/v1/users', { token: null })).status).toBe(403);
  });
});

/** Invites a user and gives it a token of its own, as an admin can (`kontena master token create --user`). */
async function otherUser(email: string): Promise<string> {
  const invited = await t.api('POST', '/oauth2/authorize', { body: { response_type: 'invite', email } });
  expect(invited.status).toBe(201);
  const token = await t.api('POST', '/oauth2/authorize', { body: { response_type: 'token', scope: 'user', user: email, expires_in: '0' } });
  const accessToken = obj(token.body).access_token;
  if (typeof accessToken !== 'string') throw new Error(`no token for ${email}: ${token.text}`);
  return accessToken;
}

describe('user administration (G6.2)', () => {
  it('invites a user through /oauth2/authorize: 201 with the invite link, and the user is listed without roles', async () => {
    const res = await t.api('POST', '/oauth2/authorize', { body: { response_type: 'invite', email: 'ops@example.com' } });
    expect(res.status).toBe(201);
    const body = obj(res.body);
    expect(Object.keys(body)).toEqual(['email', 'invite_code', 'link']);
    expect(body.email).toBe('ops@example.com');
    expect(body.link).toBe(`https://sim/j/${String(body.invite_code)}`);
    const users = arr(obj((await t.api('GET', '/v1/users')).body).users).map(obj);
    expect(users.map((u) => [u.email, u.name, u.roles])).toEqual([
      ['admin', 'admin', ADMIN_ROLES],
      ['ops@example.com', 'ops@example.com', []],
    ]);
  });

  it.each([
    [{ response_type: 'invite' }, 400, { error: 'invalid_request', error_description: 'email' }],
    // 1.2 inverts its format check: anything non-empty is taken.
    [{ response_type: 'invite', email: 'not an email', name: 'Odd' }, 201, undefined],
  ])('invite %j → %i', async (body, status, answer) => {
    const res = await t.api('POST', '/oauth2/authorize', { body });
    expect(res.status).toBe(status);
    if (answer !== undefined) expect(res.body).toEqual(answer);
  });

  it('an email already taken is a 500 (User.create! raises)', async () => {
    await t.api('POST', '/oauth2/authorize', { body: { response_type: 'invite', email: 'ops@example.com' } });
    expect((await t.api('POST', '/oauth2/authorize', { body: { response_type: 'invite', email: 'ops@example.com' } })).status).toBe(500);
  });

  it('creates a user through POST /v1/users, or answers the one that exists', async () => {
    const created = await t.api('POST', '/v1/users', { body: { email: 'dev@example.com' } });
    expect(created.status).toBe(201);
    expect(obj(created.body)).toMatchObject({ email: 'dev@example.com', name: null, roles: [] });
    expect(Object.keys(obj(created.body))).toEqual(USER_KEYS);
    const again = await t.api('POST', '/v1/users', { body: { email: 'dev@example.com' } });
    expect([again.status, obj(again.body).id]).toEqual([201, obj(created.body).id]);
    const bad = await t.api('POST', '/v1/users', { body: { email: 'dev' } });
    expect([bad.status, bad.body]).toEqual([422, { error: { email: "Email isn't in the right format" } }]);
  });

  it.each([
    ['POST', '/v1/users/nobody%40example.com/roles', { role: 'grid_admin' }, 404, { error: 'Not found' }],
    ['DELETE', '/v1/users/nobody%40example.com', undefined, 404, { error: 'Not found' }],
    ['DELETE', '/v1/users/nobody%40example.com/roles/grid_admin', undefined, 404, { error: 'Not found' }],
    ['POST', '/v1/users/admin/roles', { role: 'owner' }, 422, { error: { role: "Role 'owner' not found" } }],
    ['DELETE', '/v1/users/admin/roles/owner', undefined, 422, { error: { role: "Role 'owner' not found" } }],
    [
      'DELETE',
      '/v1/users/admin/roles/master_admin',
      undefined,
      422,
      { error: { role: 'Not allowed to remove last user from Master admin role' } },
    ],
    ['DELETE', '/v1/users/admin', undefined, 400, { error: { user: 'Cannot remove itself' } }],
  ])('%s %s → %i', async (method, path, body, status, answer) => {
    const res = await t.api(method, path, body === undefined ? {} : { body });
    expect([res.status, res.body]).toEqual([status, answer]);
  });

  it('adds and removes a role, once each, answering the user', async () => {
    await t.api('POST', '/v1/users', { body: { email: 'dev@example.com', name: 'dev' } });
    const added = await t.api('POST', '/v1/users/dev%40example.com/roles', { body: { role: 'grid_admin' } });
    expect(added.status).toBe(201);
    expect(obj(added.body).roles).toEqual([{ name: 'grid_admin', description: 'Grid admin' }]);
    const twice = await t.api('POST', '/v1/users/dev%40example.com/roles', { body: { role: 'grid_admin' } });
    expect(arr(obj(twice.body).roles)).toHaveLength(1);
    const removed = await t.api('DELETE', '/v1/users/dev%40example.com/roles/grid_admin');
    expect([removed.status, obj(removed.body).roles]).toEqual([200, []]);
  });

  it('a second master admin lets the first lose the role', async () => {
    await t.api('POST', '/v1/users', { body: { email: 'boss@example.com' } });
    await t.api('POST', '/v1/users/boss%40example.com/roles', { body: { role: 'master_admin' } });
    const res = await t.api('DELETE', '/v1/users/boss%40example.com/roles/master_admin');
    expect([res.status, obj(res.body).roles]).toEqual([200, []]);
  });

  it('a removed user goes with its tokens and memberships', async () => {
    const token = await otherUser('ops@example.com');
    await t.api('POST', '/v1/grids/staging/users', { body: { email: 'ops@example.com' } });
    expect((await t.api('GET', '/v1/user', { token })).status).toBe(200);
    const res = await t.api('DELETE', '/v1/users/ops%40example.com');
    expect([res.status, res.body]).toEqual([200, {}]);
    expect((await t.api('GET', '/v1/user', { token })).status).toBe(403);
    const members = arr(obj((await t.api('GET', '/v1/grids/staging/users')).body).users).map((u) => obj(u).email);
    expect(members).toEqual(['admin']);
  });

  describe('for a user who is not a master admin', () => {
    it.each([
      ['GET', '/v1/users', undefined, 403, { error: 'Operation not allowed' }],
      ['POST', '/v1/users', { email: 'x@example.com' }, 422, { error: { user: 'Operation not allowed' } }],
      ['POST', '/v1/users/admin/roles', { role: 'grid_admin' }, 422, { error: { current_user: 'Operation not allowed' } }],
      ['DELETE', '/v1/users/admin/roles/grid_admin', undefined, 422, { error: { current_user: 'Operation not allowed' } }],
      ['DELETE', '/v1/users/admin', undefined, 400, { error: { user: 'Operation not allowed' } }],
      [
        'POST',
        '/oauth2/authorize',
        { response_type: 'invite', email: 'y@example.com' },
        403,
        { error: 'access_denied', error_description: 'You do not have the permission to create invites' },
      ],
      ['GET', '/v1/audit_logs', undefined, 500, undefined],
      ['GET', '/v1/grids/staging/services', undefined, 403, { error: 'Access denied' }],
    ])('%s %s → %i', async (method, path, body, status, answer) => {
      const token = await otherUser('ops@example.com');
      const res = await t.api(method, path, { token, ...(body === undefined ? {} : { body }) });
      expect(res.status).toBe(status);
      if (answer !== undefined) expect(res.body).toEqual(answer);
    });

    it('sees only the grids it is a member of, and may read their audit log', async () => {
      const token = await otherUser('ops@example.com');
      expect(arr(obj((await t.api('GET', '/v1/grids', { token })).body).grids)).toEqual([]);
      await t.api('POST', '/v1/grids/staging/users', { body: { email: 'ops@example.com' } });
      const grids = arr(obj((await t.api('GET', '/v1/grids', { token })).body).grids).map((g) => obj(g).name);
      expect(grids).toEqual(['staging']);
      expect((await t.api('GET', '/v1/grids/staging/audit_log', { token })).status).toBe(200);
      const me = obj((await t.api('GET', '/v1/user', { token })).body);
      expect(me).toMatchObject({ email: 'ops@example.com', name: 'ops@example.com', roles: [] });
    });
  });
});

describe('grid users (G6.3)', () => {
  it('lists the members', async () => {
    const users = arr(obj((await t.api('GET', '/v1/grids/staging/users')).body).users).map(obj);
    expect(users.map((u) => u.email)).toEqual(['admin']);
    expect(Object.keys(users[0] ?? {})).toEqual(USER_KEYS);
  });

  it.each([
    ['POST', '/v1/grids/staging/users', { email: 'nobody@example.com' }, 404, { error: 'User not found' }],
    ['POST', '/v1/grids/staging/users', {}, 404, { error: 'User not found' }],
    ['POST', '/v1/grids/nope/users', { email: 'admin' }, 404, { error: 'Not found' }],
    ['DELETE', '/v1/grids/staging/users/nobody%40example.com', undefined, 404, { error: 'User not found' }],
    ['DELETE', '/v1/grids/staging/users/admin', undefined, 422, { error: { grid: 'Cannot remove last user' } }],
  ])('%s %s → %i', async (method, path, body, status, answer) => {
    const res = await t.api(method, path, body === undefined ? {} : { body });
    expect([res.status, res.body]).toEqual([status, answer]);
  });

  it('assigns an existing user with 201 and all members', async () => {
    const res = await t.api('POST', '/v1/grids/staging/users', { body: { email: 'admin' } });
    expect(res.status).toBe(201);
    expect(arr(obj(res.body).users).map((u) => obj(u).email)).toEqual(['admin']);
    const logs = arr(obj((await t.api('GET', '/v1/grids/staging/audit_log')).body).logs).map(obj);
    expect(logs.at(-1)).toMatchObject({ resource_type: 'User', resource_name: 'admin', event_name: 'assign user' });
  });
});

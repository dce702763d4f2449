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

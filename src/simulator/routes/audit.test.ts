// Request specs of the audit trail (docs/kontena-api-grid.md G5): which requests write an
// entry, the AuditJson keys in order, and the `limit` window of both routes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulatedMaster } from '../index';
import { arr, createTestMaster, obj, send, type SendOptions, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

const AUDIT_KEYS = [
  'time',
  'grid',
  'grid_id',
  'service',
  'resource_type',
  'resource_name',
  'resource_id',
  'event_name',
  'event_status',
  'source_ip',
  'user_agent',
  'user_identity',
];

async function logs(path = '/v1/grids/staging/audit_log'): Promise<Record<string, unknown>[]> {
  const res = await t.api('GET', path);
  expect(res.status).toBe(200);
  expect(Object.keys(obj(res.body))).toEqual(['logs']);
  return arr(obj(res.body).logs).map(obj);
}

/** [event_name, resource_type, resource_name] of each entry. */
async function trail(path?: string): Promise<[unknown, unknown, unknown][]> {
  return (await logs(path)).map((l) => [l.event_name, l.resource_type, l.resource_name]);
}

describe('an entry per successful mutating request (G5.1 table)', () => {
  it('starts empty: the scenario writes none', async () => {
    expect(await logs()).toEqual([]);
    expect(await logs('/v1/audit_logs')).toEqual([]);
  });

  it('services: create, update, deploy, scale, restart, stop, start, add_env, remove_env, delete', async () => {
    const base = '/v1/services/staging/null/audited';
    const steps: [string, string, SendOptions?][] = [
      ['POST', '/v1/grids/staging/services', { body: { name: 'audited', image: 'redis:3.2', stateful: false } }],
      ['PUT', base, { body: { instances: 2 } }],
      ['POST', `${base}/deploy`, { body: {} }],
      ['POST', `${base}/scale`, { body: { instances: 1 } }],
      ['POST', `${base}/restart`],
      ['POST', `${base}/stop`],
      ['POST', `${base}/start`],
      ['POST', `${base}/envs`, { body: { env: 'A=1' } }],
      ['DELETE', `${base}/envs/A`],
      ['GET', base],
      ['GET', `${base}/containers`],
      ['DELETE', base],
    ];
    let id = '';
    for (const [method, path, options] of steps) {
      const res = await t.api(method, path, options);
      expect([path, res.status]).toEqual([path, method === 'POST' && path.endsWith('/services') ? 201 : 200]);
      if (id === '') id = String(obj(res.body).id);
    }
    const entries = await logs();
    expect(entries.map((l) => l.event_name)).toEqual([
      'create',
      'update',
      'deploy',
      'scale',
      'restart',
      'stop',
      'start',
      'add_env',
      'remove_env',
      'delete',
    ]);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(AUDIT_KEYS);
      expect(entry).toMatchObject({
        grid: 'staging',
        resource_type: 'GridService',
        resource_name: 'audited',
        event_status: 'success',
        source_ip: '127.0.0.1',
        user_agent: null,
        user_identity: { email: 'admin' },
      });
      expect(entry.grid_id).toMatch(/^[0-9a-f]{24}$/);
      expect(entry.service).toMatch(/^[0-9a-f]{24}$/);
      expect(entry.resource_id).toBe(entry.service);
    }
    expect(entries[0]?.time).toBe(new Date(t.clock.now()).toISOString());
  });

  it('secrets: create, show, update, upsert, delete; no entry for the list', async () => {
    await t.api('POST', '/v1/grids/staging/secrets', { body: { name: 'AUDITED', value: 'v' } });
    await t.api('GET', '/v1/grids/staging/secrets');
    await t.api('GET', '/v1/secrets/staging/AUDITED');
    await t.api('PUT', '/v1/secrets/staging/AUDITED', { body: { value: 'w' } });
    await t.api('PUT', '/v1/secrets/staging/UPSERTED', { body: { value: 'v', upsert: true } });
    await t.api('DELETE', '/v1/secrets/staging/AUDITED');
    expect(await trail()).toEqual([
      ['create', 'GridSecret', 'AUDITED'],
      ['show', 'GridSecret', 'AUDITED'],
      ['update', 'GridSecret', 'AUDITED'],
      ['create', 'GridSecret', 'UPSERTED'],
      ['delete', 'GridSecret', 'AUDITED'],
    ]);
    const entries = await logs();
    // One secret, one record id, and no service.
    expect(new Set([0, 1, 2, 4].map((i) => entries[i]?.resource_id)).size).toBe(1);
    expect(entries.every((e) => e.service === '')).toBe(true);
  });

  it('failed requests write nothing', async () => {
    const failing: [string, string, SendOptions?][] = [
      ['POST', '/v1/grids/staging/services', { body: { name: 'x' } }],
      ['PUT', '/v1/services/staging/null/api', { body: { instances: 'many' } }],
      ['POST', '/v1/services/staging/null/nope/deploy', { body: {} }],
      ['POST', '/v1/services/staging/null/api/envs', { body: {} }],
      ['POST', '/v1/grids/staging/secrets', { body: { name: 'DB_PASSWORD', value: 'x' } }],
      ['GET', '/v1/secrets/staging/NOPE'],
      ['PUT', '/v1/secrets/staging/NOPE', { body: { value: 'x' } }],
      ['DELETE', '/v1/secrets/staging/NOPE'],
      ['POST', '/v1/grids/staging/services', { raw: '{bad json' }],
    ];
    for (const [method, path, options] of failing) {
      const res = await t.api(method, path, options);
      expect([path, res.status >= 400]).toEqual([path, true]);
    }
    expect(await logs()).toEqual([]);
  });

  it('grids: create and update; node remove is written before the removal', async () => {
    expect((await t.api('POST', '/v1/grids', { body: { name: 'audit-grid', initial_size: 1 } })).status).toBe(201);
    expect((await t.api('PUT', '/v1/grids/audit-grid', { body: {} })).status).toBe(200);
    const node = obj((await t.api('GET', '/v1/nodes/staging/stage-node-1')).body);
    expect((await t.api('DELETE', '/v1/nodes/staging/stage-node-1')).status).toBe(200);
    const removed = (await logs()).at(-1);
    expect(removed).toMatchObject({ event_name: 'remove node', resource_type: 'HostNode', resource_name: 'stage-node-1', service: '' });
    // The node's record id, not its docker id.
    expect(removed?.resource_id).toMatch(/^[0-9a-f]{24}$/);
    expect(removed?.resource_id).not.toBe(node.id);
    expect(await trail('/v1/grids/audit-grid/audit_log')).toEqual([
      ['create', 'Grid', 'audit-grid'],
      ['update', 'Grid', 'audit-grid'],
    ]);
  });

  it('an entry outlives its grid: grid and grid_id read null once the grid is gone', async () => {
    expect((await t.api('POST', '/v1/grids', { body: { name: 'short-lived', initial_size: 1 } })).status).toBe(201);
    await t.clock.advanceAsync(10_000, 500);
    const nodes = arr(obj((await t.api('GET', '/v1/grids/short-lived/nodes')).body).nodes).map(obj);
    for (const n of nodes) await t.api('DELETE', `/v1/nodes/short-lived/${String(n.name)}`);
    const deleted = await t.api('DELETE', '/v1/grids/short-lived');
    expect(deleted.status).toBe(200);
    const all = await logs('/v1/audit_logs');
    expect(all.map((l) => [l.event_name, l.resource_type, l.grid, l.grid_id])).toEqual([
      ['create', 'Grid', null, null],
      ...nodes.map(() => ['remove node', 'HostNode', null, null]),
      ['delete', 'Grid', null, null],
    ]);
    // A new grid of the same name is another record: the old entries are not its own.
    expect((await t.api('POST', '/v1/grids', { body: { name: 'short-lived', initial_size: 1 } })).status).toBe(201);
    expect(await trail('/v1/grids/short-lived/audit_log')).toEqual([['create', 'Grid', 'short-lived']]);
  });

  it('records the User-Agent and the client address behind proxies (Rack request.ip)', async () => {
    const cases: [Record<string, string>, string, string | null][] = [
      [{ 'User-Agent': 'kontena-cli/1.2.0' }, '127.0.0.1', 'kontena-cli/1.2.0'],
      [{ 'X-Forwarded-For': '203.0.113.7' }, '203.0.113.7', null],
      [{ 'X-Forwarded-For': '198.51.100.1, 203.0.113.9, 10.0.0.2' }, '203.0.113.9', null],
      [{ 'X-Forwarded-For': '10.1.2.3, 192.168.0.1' }, '127.0.0.1', null],
    ];
    for (const [headers] of cases) await t.api('GET', '/v1/secrets/staging/DB_PASSWORD', { headers });
    const entries = await logs();
    expect(entries.map((e) => [e.source_ip, e.user_agent])).toEqual(cases.map(([, ip, agent]) => [ip, agent]));
  });
});

describe('the limit window: the newest `limit` entries, oldest first', () => {
  const cases: [string, number][] = [
    ['', 500],
    ['?limit=2', 2],
    ['?limit=3000', 503],
    ['?limit=0', 500],
    ['?limit=-1', 500],
    ['?limit=3001', 500],
    ['?limit=abc', 500],
    ['?limit=7abc', 7],
  ];
  it('on both routes', async () => {
    // 503 entries: 3 on production, then 500 secret reads on staging.
    for (const name of ['A', 'B', 'C']) await t.api('POST', '/v1/grids/production/secrets', { body: { name, value: 'v' } });
    for (let i = 0; i < 500; i++) {
      await t.api('GET', '/v1/secrets/staging/DB_PASSWORD');
      t.clock.advance(1000);
    }
    const all = await logs('/v1/audit_logs?limit=3000');
    expect(all).toHaveLength(503);
    const times = all.map((e) => String(e.time));
    expect([...times].sort()).toEqual(times);
    for (const [query, size] of cases) {
      const window = await logs(`/v1/audit_logs${query}`);
      expect([query, window]).toEqual([query, all.slice(all.length - size)]);
    }
    const staging = await logs('/v1/grids/staging/audit_log?limit=3000');
    expect(staging).toHaveLength(500);
    expect(await logs('/v1/grids/production/audit_log?limit=2')).toEqual(all.slice(1, 3));
    expect(await logs('/v1/grids/staging/audit_log?limit=2')).toEqual(all.slice(-2));
  });
});

describe('access', () => {
  const cases: { path: string; status: number; body: unknown }[] = [
    { path: '/v1/grids/nope/audit_log', status: 404, body: { error: 'Not found' } },
    // `r.on 'audit_log'` is a prefix: a deeper path answers the same.
    { path: '/v1/grids/staging/audit_log/x', status: 200, body: { logs: [] } },
  ];
  for (const c of cases) {
    it(`GET ${c.path} → ${c.status}`, async () => {
      const res = await t.api('GET', c.path);
      expect([res.status, res.body]).toEqual([c.status, c.body]);
    });
  }

  it('needs a token on both routes', async () => {
    for (const path of ['/v1/grids/staging/audit_log', '/v1/audit_logs']) {
      const res = await t.api('GET', path, { token: null });
      expect([path, res.status, res.body]).toEqual([path, 403, { error: 'invalid_token', error_description: 'Invalid token' }]);
    }
  });
});

describe('a saved world', () => {
  it('keeps its audit trail and its volumes', async () => {
    await t.api('POST', '/v1/volumes/staging', { body: { name: 'kept', scope: 'grid', driver: 'local' } });
    await t.api('GET', '/v1/secrets/staging/DB_PASSWORD', { headers: { 'User-Agent': 'kontena-cli/1.2.0' } });
    const paths = ['/v1/audit_logs', '/v1/volumes/staging'];
    const before = await Promise.all(paths.map((p) => t.api('GET', p)));
    const after = createSimulatedMaster({ clock: t.clock, restore: structuredClone(t.master.capture()) });
    const again = await Promise.all(paths.map((p) => send(after, 'GET', p, { token: t.token })));
    after.dispose();
    expect(again.map((r) => r.body)).toEqual(before.map((r) => r.body));
    expect(arr(obj(again[0]?.body).logs)).toHaveLength(1);
  });
});

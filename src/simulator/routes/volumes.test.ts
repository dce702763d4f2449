// Request specs of /v1/volumes (docs/kontena-api-grid.md G4, G0.1): status, body, key order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

const VOLUME_KEYS = ['created_at', 'updated_at', 'id', 'name', 'scope', 'driver', 'driver_opts'];

describe('POST /v1/volumes/G', () => {
  const cases: { title: string; body: unknown; status: number; expected: unknown }[] = [
    {
      title: 'driver_opts sent: kept as sent',
      body: { name: 'data', scope: 'instance', driver: 'local', driver_opts: { foo: 'bar' } },
      status: 201,
      expected: { id: 'staging/data', name: 'data', scope: 'instance', driver: 'local', driver_opts: { foo: 'bar' } },
    },
    {
      title: 'driver_opts not sent: null, not {}',
      body: { name: 'data', scope: 'grid', driver: 'local' },
      status: 201,
      expected: { id: 'staging/data', name: 'data', scope: 'grid', driver: 'local', driver_opts: null },
    },
    {
      title: 'driver_opts null: ignored like a missing key',
      body: { name: 'data', scope: 'stack', driver: 'local', driver_opts: null },
      status: 201,
      expected: { id: 'staging/data', name: 'data', scope: 'stack', driver: 'local', driver_opts: null },
    },
    {
      title: 'the scope regex is unanchored (quirk): "gridx" passes',
      body: { name: 'data', scope: 'gridx', driver: 'local' },
      status: 201,
      expected: { id: 'staging/data', name: 'data', scope: 'gridx', driver: 'local', driver_opts: null },
    },
    {
      title: 'strings are stripped, numbers stringified',
      body: { name: ' data ', scope: 'instance', driver: 7 },
      status: 201,
      expected: { id: 'staging/data', name: 'data', scope: 'instance', driver: '7', driver_opts: null },
    },
    {
      title: 'empty body: every required field, in the mutation order',
      body: {},
      status: 422,
      expected: { error: { scope: 'Scope is required', name: 'Name is required', driver: 'Driver is required' } },
    },
    {
      title: 'formats',
      body: { name: '-data', scope: 'node', driver: 'local' },
      status: 422,
      expected: { error: { scope: "Scope isn't in the right format", name: "Name isn't in the right format" } },
    },
    {
      title: 'blank and nil',
      body: { name: '', scope: 'grid', driver: null },
      status: 422,
      expected: { error: { name: "Name can't be blank", driver: "Driver can't be nil" } },
    },
    {
      title: 'driver_opts not an object',
      body: { name: 'data', scope: 'grid', driver: 'local', driver_opts: 'a=b' },
      status: 422,
      expected: { error: { driver_opts: "Driver Opts isn't the right class" } },
    },
  ];
  for (const c of cases) {
    it(c.title, async () => {
      const res = await t.api('POST', '/v1/volumes/staging', { body: c.body });
      expect(res.status).toBe(c.status);
      if (c.status === 201) {
        expect(Object.keys(obj(res.body))).toEqual(VOLUME_KEYS);
        expect(obj(res.body)).toMatchObject(obj(c.expected));
        const now = new Date(t.clock.now()).toISOString();
        expect([obj(res.body).created_at, obj(res.body).updated_at]).toEqual([now, now]);
      } else {
        expect(res.body).toEqual(c.expected);
      }
    });
  }

  it('a taken name is refused once the fields are valid', async () => {
    expect((await t.api('POST', '/v1/volumes/staging', { body: { name: 'data', scope: 'grid', driver: 'local' } })).status).toBe(201);
    const again = await t.api('POST', '/v1/volumes/staging', { body: { name: 'data', scope: 'grid', driver: 'x' } });
    expect([again.status, again.body]).toEqual([422, { error: { name: 'Volume with given name already exists' } }]);
    // The same name in another grid is another volume.
    expect((await t.api('POST', '/v1/volumes/production', { body: { name: 'data', scope: 'grid', driver: 'local' } })).status).toBe(201);
  });

  it('invalid JSON is a 400', async () => {
    const res = await t.api('POST', '/v1/volumes/staging', { raw: '{nope' });
    expect([res.status, res.body]).toEqual([400, { error: 'Invalid json' }]);
  });
});

describe('GET /v1/volumes/G[/V]', () => {
  it('lists in creation order and shows one', async () => {
    await t.api('POST', '/v1/volumes/staging', { body: { name: 'b-vol', scope: 'grid', driver: 'local' } });
    await t.api('POST', '/v1/volumes/staging', { body: { name: 'a-vol', scope: 'stack', driver: 'local' } });
    const list = await t.api('GET', '/v1/volumes/staging');
    expect(list.status).toBe(200);
    expect(Object.keys(obj(list.body))).toEqual(['volumes']);
    const volumes = arr(obj(list.body).volumes).map(obj);
    expect(volumes.map((v) => v.id)).toEqual(['staging/mysql-data', 'staging/b-vol', 'staging/a-vol']);
    for (const v of volumes) expect(Object.keys(v)).toEqual(VOLUME_KEYS);
    const one = await t.api('GET', '/v1/volumes/staging/a-vol');
    expect([one.status, one.body]).toEqual([200, volumes[2]]);
  });

  it('the demo grids have the volumes their stateful services mount', async () => {
    const names = arr(obj((await t.api('GET', '/v1/volumes/production')).body).volumes).map((v) => obj(v).name);
    expect(names).toEqual(['pgdata', 'prometheus-data']);
  });
});

describe('per-router 404 and 403 bodies (G0.1)', () => {
  const cases: { method: string; path: string; status: number; body: unknown }[] = [
    { method: 'GET', path: '/v1/volumes/nope', status: 404, body: { error: 'Grid nope not found' } },
    { method: 'POST', path: '/v1/volumes/nope', status: 404, body: { error: 'Grid nope not found' } },
    { method: 'GET', path: '/v1/volumes/nope/data', status: 404, body: { error: 'Grid nope not found' } },
    { method: 'DELETE', path: '/v1/volumes/nope/data', status: 404, body: { error: 'Grid nope not found' } },
    { method: 'GET', path: '/v1/volumes/staging/nope', status: 404, body: { error: 'Volume nope not found' } },
    { method: 'DELETE', path: '/v1/volumes/staging/nope', status: 404, body: { error: 'Volume nope not found' } },
    // There is no PUT; the grid is still loaded first.
    { method: 'PUT', path: '/v1/volumes/nope/data', status: 404, body: { error: 'Grid nope not found' } },
    { method: 'PUT', path: '/v1/volumes/staging/mysql-data', status: 404, body: undefined },
    { method: 'POST', path: '/v1/volumes/staging/mysql-data', status: 404, body: undefined },
  ];
  for (const c of cases) {
    it(`${c.method} ${c.path} → ${c.status}`, async () => {
      const res = await t.api(c.method, c.path, c.method === 'GET' || c.method === 'DELETE' ? {} : { body: {} });
      expect([res.status, res.body]).toEqual([c.status, c.body]);
    });
  }

  it('no token → 403 invalid_token', async () => {
    const res = await t.api('GET', '/v1/volumes/staging', { token: null });
    expect([res.status, res.body]).toEqual([403, { error: 'invalid_token', error_description: 'Invalid token' }]);
  });
});

describe('DELETE /v1/volumes/G/V', () => {
  it('refuses while services mount it, one key per service (the bare name), then deletes', async () => {
    const svc = (name: string, volumes: string[]) =>
      t.api('POST', '/v1/grids/staging/services', { body: { name, image: 'redis:3.2', stateful: true, volumes } });
    expect((await svc('cache', ['mysql-data:/data:ro'])).status).toBe(201);
    const refused = await t.api('DELETE', '/v1/volumes/staging/mysql-data');
    expect([refused.status, refused.body]).toEqual([
      422,
      { error: { mysql: 'Volume still in use in service mysql', cache: 'Volume still in use in service cache' } },
    ]);
    expect((await t.api('GET', '/v1/volumes/staging/mysql-data')).status).toBe(200);

    await t.api('POST', '/v1/volumes/staging', { body: { name: 'free', scope: 'grid', driver: 'local' } });
    // A bind mount or anonymous volume with the same text does not count.
    expect((await svc('binds', ['/free:/free', '/free'])).status).toBe(201);
    const deleted = await t.api('DELETE', '/v1/volumes/staging/free');
    expect([deleted.status, deleted.body]).toEqual([200, {}]);
    expect((await t.api('GET', '/v1/volumes/staging/free')).body).toEqual({ error: 'Volume free not found' });
  });

  it('writes no audit entry for create or delete (G4 quirk)', async () => {
    const before = arr(obj((await t.api('GET', '/v1/grids/staging/audit_log')).body).logs).length;
    await t.api('POST', '/v1/volumes/staging', { body: { name: 'quiet', scope: 'grid', driver: 'local' } });
    await t.api('DELETE', '/v1/volumes/staging/quiet');
    expect(arr(obj((await t.api('GET', '/v1/grids/staging/audit_log')).body).logs)).toHaveLength(before);
  });
});

describe('null-stack services naming a volume (G4 "How services reference volumes")', () => {
  const cases: [string, string][] = [
    ['mysql-data:/var/lib/mysql', 'mysql-data:/var/lib/mysql'],
    ['mysql-data:/var/lib/mysql:ro:z', 'mysql-data:/var/lib/mysql:ro,z'],
    // (quirk) a name the grid does not have is not refused: the mount becomes anonymous.
    ['nope:/data', '/data'],
    ['nope:/data:ro', '/data:ro'],
    ['/host:/data', '/host:/data'],
    ['/data', '/data'],
  ];
  for (const [sent, shown] of cases) {
    it(`create with "${sent}" shows "${shown}"`, async () => {
      const res = await t.api('POST', '/v1/grids/staging/services', {
        body: { name: 'mounted', image: 'redis:3.2', stateful: false, volumes: [sent] },
      });
      expect([res.status, obj(res.body).volumes]).toEqual([201, [shown]]);
    });
  }

  it('update resolves the same way, and only a resolved name keeps the volume in use', async () => {
    await t.api('POST', '/v1/grids/staging/services', { body: { name: 'mounted', image: 'redis:3.2', stateful: false } });
    await t.api('POST', '/v1/volumes/staging', { body: { name: 'later', scope: 'grid', driver: 'local' } });
    const res = await t.api('PUT', '/v1/services/staging/null/mounted', { body: { volumes: ['later:/a', 'gone:/b'] } });
    expect([res.status, obj(res.body).volumes]).toEqual([200, ['later:/a', '/b']]);
    const refused = await t.api('DELETE', '/v1/volumes/staging/later');
    expect([refused.status, refused.body]).toEqual([422, { error: { mounted: 'Volume still in use in service mounted' } }]);
  });
});

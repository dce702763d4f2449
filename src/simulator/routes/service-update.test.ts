import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster({ live: false });
});
afterEach(() => t.master.dispose());

const API = '/v1/services/production/null/api';

async function service(path = API): Promise<Record<string, unknown>> {
  return obj((await t.api('GET', path)).body);
}

describe('PUT /v1/services/G/S/N', () => {
  it('is a no-op for {} and bumps revision only on a real change', async () => {
    const before = await service();
    t.clock.advance(5000);
    const same = await t.api('PUT', API, { body: {} });
    expect(same.status).toBe(200);
    expect(obj(same.body).revision).toBe(before.revision);
    expect(obj(same.body).updated_at).toBe(before.updated_at);
    const unchanged = await t.api('PUT', API, { body: { image: before.image, env: before.env } });
    expect(obj(unchanged.body).revision).toBe(before.revision);
    const changed = await t.api('PUT', API, { body: { image: 'myorg/api:2.4.2' } });
    expect(obj(changed.body)).toMatchObject({ image: 'myorg/api:2.4.2', revision: (before.revision as number) + 1 });
    expect(obj(changed.body).updated_at).not.toBe(before.updated_at);
  });

  it('replaces env, keeping the old value for KEY= entries', async () => {
    const res = await t.api('PUT', API, { body: { env: ['PORT=', 'NEW=1', 'NODE_ENV=staging', 'UNKNOWN='] } });
    expect(obj(res.body).env).toEqual(['PORT=8080', 'NEW=1', 'NODE_ENV=staging', 'UNKNOWN=']);
  });

  it('crashes (500) on an env entry without =', async () => {
    const res = await t.api('PUT', API, { body: { env: ['BROKEN'] } });
    expect([res.status, res.body]).toEqual([500, { message: 'Internal server error' }]);
  });

  it('replaces deploy_opts and health_check whole, with their defaults', async () => {
    const before = obj((await service()).deploy_opts);
    const res = obj(
      (await t.api('PUT', API, { body: { deploy_opts: { interval: 3600 }, health_check: { port: 9000, protocol: 'http' } } })).body,
    );
    expect(res.deploy_opts).toEqual({
      _id: { $oid: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown },
      interval: 3600,
      min_health: 0.8,
      wait_for_port: null,
    });
    expect(obj(res.deploy_opts)._id).not.toEqual(before._id);
    expect(res.health_check).toEqual({ protocol: 'http', uri: '/', port: 9000, timeout: 10, initial_delay: 10, interval: 60 });
    const removed = obj((await t.api('PUT', API, { body: { health_check: { port: null, protocol: null } } })).body);
    expect('health_check' in removed).toBe(false);
    expect('health_status' in removed).toBe(false);
  });

  it('refuses grid/stack keys and hooks as an array', async () => {
    expect((await t.api('PUT', API, { body: { grid: { id: 'production' } } })).body).toEqual({
      error: { grid: "Grid isn't the right class" },
    });
    expect((await t.api('PUT', API, { body: { stack: { id: 'production/null', name: 'null' } } })).body).toEqual({
      error: { stack: "Stack isn't the right class" },
    });
    expect((await t.api('PUT', API, { body: { hooks: [] } })).body).toEqual({ error: { hooks: "Hooks isn't a hash" } });
  });

  it('ignores name, stateful, entrypoint and pid', async () => {
    const before = await service();
    const res = obj((await t.api('PUT', API, { body: { name: 'other', stateful: true, entrypoint: '/bin/sh', pid: 'host' } })).body);
    expect(res).toMatchObject({ name: 'api', stateful: false, entrypoint: null, pid: null, revision: before.revision });
  });

  it('merges secrets by secret name and replaces links, resolving bare names in the service stack', async () => {
    const secrets = obj(
      (await t.api('PUT', API, { body: { secrets: [{ secret: 'DB_PASSWORD', name: 'PGPASSWORD', type: 'file' }] } })).body,
    ).secrets;
    expect(secrets).toEqual([{ name: 'PGPASSWORD', secret: 'DB_PASSWORD', type: 'env' }]);
    const app = '/v1/services/production/shop/app';
    const links = obj(
      (
        await t.api('PUT', app, {
          body: {
            links: [
              { name: 'web', alias: 'front' },
              { name: 'null/lb', alias: 'lb' },
            ],
          },
        })
      ).body,
    ).links;
    expect(links).toEqual([
      { id: 'production/shop/web', alias: 'front', name: 'web' },
      { id: 'production/null/lb', alias: 'lb', name: 'lb' },
    ]);
    expect((await t.api('PUT', app, { body: { links: [{ name: 'redis', alias: 'r' }] } })).body).toEqual({
      error: { links: 'Service shop/redis does not exist' },
    });
    expect(obj((await t.api('PUT', app, { body: { links: [] } })).body).links).toEqual([]);
  });

  it('refuses a new anonymous volume on a stateful service', async () => {
    const res = await t.api('PUT', '/v1/services/production/null/redis', { body: { volumes: ['/data', '/more'] } });
    expect(res.body).toEqual({ error: { volumes: 'Adding a non-named volume is not supported to a stateful service' } });
  });
});

describe('env add / remove', () => {
  it('appends without dedupe and removes every entry of a key, with un-wrapped 422s', async () => {
    const before = await service();
    expect((await t.api('POST', `${API}/envs`, { body: { env: 'PORT=9090' } })).body).toEqual({});
    let s = await service();
    expect(s.env).toEqual([...(before.env as string[]), 'PORT=9090']);
    expect(s.revision).toBe((before.revision as number) + 1);
    expect((await t.api('DELETE', `${API}/envs/PORT`)).body).toEqual({});
    s = await service();
    expect((s.env as string[]).some((e) => e.startsWith('PORT='))).toBe(false);
    expect(s.revision).toBe((before.revision as number) + 2);
    const unknown = await t.api('DELETE', `${API}/envs/NOPE`);
    expect([unknown.status, unknown.body]).toEqual([200, {}]);
    expect((await service()).revision).toBe((before.revision as number) + 2);
    const missing = await t.api('POST', `${API}/envs`, { body: {} });
    expect([missing.status, missing.body]).toEqual([422, { env: "Env can't be nil" }]);
    expect((await t.api('POST', `${API}/envs`, { body: { env: '' } })).body).toEqual({ env: "Env can't be blank" });
  });
});

describe('DELETE /v1/services/G/S/N', () => {
  it('is refused while other services link to it, then destroys the service', async () => {
    const refused = await t.api('DELETE', '/v1/services/production/null/redis');
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      error: { service: 'Cannot delete service that is linked to another service (api, worker, app, sidekiq)' },
    });
    const ok = await t.api('DELETE', '/v1/services/production/null/docs');
    expect([ok.status, ok.body]).toEqual([200, {}]);
    expect((await t.api('GET', '/v1/services/production/null/docs')).body).toEqual({ error: 'Not found' });
  });
});

describe('deploy / scale input checks', () => {
  it('validates force and instances', async () => {
    expect((await t.api('POST', `${API}/deploy`, { body: { force: 'maybe' } })).body).toEqual({
      error: { force: "Force isn't a boolean" },
    });
    expect((await t.api('POST', `${API}/scale`, { body: {} })).body).toEqual({ error: { instances: "Instances can't be nil" } });
    expect((await t.api('POST', `${API}/scale`, { body: { instances: '' } })).body).toEqual({
      error: { instances: "Instances can't be blank" },
    });
    expect((await t.api('POST', `${API}/scale`, { body: { instances: 'x' } })).body).toEqual({
      error: { instances: "Instances isn't an integer" },
    });
    const scaled = await t.api('POST', `${API}/scale`, { body: { instances: -2 } });
    expect(scaled.status).toBe(200);
    expect(obj(scaled.body)).toMatchObject({ state: 'created', instance_count: -2, started_at: null, finished_at: null });
  });

  it('refuses to deploy a restarting service', async () => {
    await t.api('POST', `${API}/restart`);
    const res = await t.api('POST', `${API}/deploy`);
    expect(res.body).toEqual({ error: { state: 'Cannot deploy because service state is restarting' } });
  });
});

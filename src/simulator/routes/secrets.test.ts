import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

describe('vault secrets', () => {
  it('lists without values and creates, reads, upserts and deletes', async () => {
    const list = arr(obj((await t.api('GET', '/v1/grids/staging/secrets')).body).secrets).map(obj);
    expect(list.map((s) => s.id)).toEqual(['staging/DB_PASSWORD', 'staging/STRIPE_API_KEY']);
    expect(Object.keys(list[0] ?? {})).toEqual(['id', 'name', 'created_at', 'updated_at']);

    const created = await t.api('POST', '/v1/grids/staging/secrets', { body: { name: 'NEW_ONE', value: 's3cret' } });
    expect(created.status).toBe(201);
    expect(Object.keys(obj(created.body))).toEqual(['id', 'name', 'created_at', 'value']);
    expect((await t.api('POST', '/v1/grids/staging/secrets', { body: { name: 'NEW_ONE', value: 'x' } })).body).toEqual({
      error: { name: 'is already taken' },
    });
    expect((await t.api('POST', '/v1/grids/staging/secrets', { body: { name: '-bad', value: 'x' } })).body).toEqual({
      error: { name: "Name isn't in the right format" },
    });
    expect(obj((await t.api('GET', '/v1/secrets/staging/NEW_ONE')).body).value).toBe('s3cret');

    const updated = await t.api('PUT', '/v1/secrets/staging/NEW_ONE', { body: { value: 'changed' } });
    expect([updated.status, obj(updated.body).value]).toEqual([200, 'changed']);
    const missing = await t.api('PUT', '/v1/secrets/staging/OTHER', { body: { value: 'v' } });
    expect([missing.status, missing.text]).toEqual([404, '']);
    const upserted = await t.api('PUT', '/v1/secrets/staging/OTHER', { body: { value: 'v', upsert: true, name: 'OTHER' } });
    expect([upserted.status, obj(upserted.body).name]).toEqual([201, 'OTHER']);

    expect((await t.api('DELETE', '/v1/secrets/staging/OTHER')).body).toEqual({});
    expect((await t.api('GET', '/v1/secrets/staging/OTHER')).body).toEqual({ error: 'Not found' });
  });

  it('redeploys running services that use a secret after it changes', async () => {
    const path = '/v1/services/staging/null/api';
    const before = arr(obj((await t.api('GET', `${path}/containers`)).body).containers).map(obj);
    await t.api('PUT', '/v1/secrets/staging/DB_PASSWORD', { body: { value: 'rotated' } });
    await t.clock.advanceAsync(30_000, 500);
    const after = arr(obj((await t.api('GET', `${path}/containers`)).body).containers).map(obj);
    expect(after.map((c) => c.container_id)).not.toEqual(before.map((c) => c.container_id));
    // The secret's variable is never shown in a container's env.
    expect(after.every((c) => !(c.env as string[]).some((e) => e.startsWith('DATABASE_PASSWORD=')))).toBe(true);
  });
});

describe('faults', () => {
  it('adds latency, fails a share of /v1 requests with 500 and reports itself', async () => {
    t.master.setFaults({ latencyMs: 300 });
    let done = false;
    const pending = t.api('GET', '/v1/ping').then((r) => {
      done = true;
      return r;
    });
    await t.clock.advanceAsync(200, 100);
    expect(done).toBe(false);
    await t.clock.advanceAsync(200, 100);
    expect((await pending).body).toEqual({ message: 'pong' });

    t.master.setFaults({ latencyMs: 0, errorRate: 1 });
    expect(t.master.faults()).toEqual({ latencyMs: 0, errorRate: 1, dropStreamsAfterMs: null });
    const failed = await t.api('GET', '/v1/grids');
    expect([failed.status, failed.body]).toEqual([500, { message: 'Internal server error' }]);
    t.master.setFaults({ errorRate: 0 });
    expect((await t.api('GET', '/v1/grids')).status).toBe(200);
  });

  it('stops every timer on dispose', () => {
    expect(t.master.pendingTimers()).toBeGreaterThan(0);
    t.master.dispose();
    expect(t.master.pendingTimers()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../engine/clock';
import { createSimulatedMaster } from '../index';
import { arr, obj, send, TEST_ADMIN_CODE } from '../../../test/simulator/test-support';
import type { SimulatedMaster } from '../contract';
import { shapeMismatches, shapesOf, type WorldState } from './world-state';

async function signIn(master: SimulatedMaster, code: string): Promise<string> {
  const res = await send(master, 'POST', '/oauth2/token', { body: { grant_type: 'authorization_code', code } });
  const token = obj(res.body).access_token;
  if (res.status !== 201 || typeof token !== 'string') throw new Error(`sign-in failed: ${res.status}`);
  return token;
}

/** What IndexedDB does to a world between a save and a load. */
function cloneWorld(master: SimulatedMaster): WorldState {
  return structuredClone(master.capture());
}

describe('a saved world, restored', () => {
  it('answers as before: services, containers, events, secrets, and the tokens it gave out', async () => {
    const clock = createFakeClock();
    const before = createSimulatedMaster({ clock, initialAdminCode: TEST_ADMIN_CODE });
    const token = await signIn(before, TEST_ADMIN_CODE);
    const api = (m: SimulatedMaster, method: string, path: string, body?: unknown) => send(m, method, path, { token, body });
    expect(
      (await api(before, 'POST', '/v1/grids/production/services', { name: 'kept', image: 'redis:3.2', instances: 2, stateful: false }))
        .status,
    ).toBe(201);
    expect((await api(before, 'POST', '/v1/services/production/null/kept/deploy', {})).status).toBe(200);
    await clock.advanceAsync(15_000, 250);
    const paths = [
      '/v1/grids/production/services',
      '/v1/services/production/null/kept',
      '/v1/services/production/null/kept/containers',
      '/v1/services/production/null/kept/event_logs?limit=50',
      '/v1/grids/production/secrets',
    ];
    const seen = await Promise.all(paths.map((p) => api(before, 'GET', p)));
    const world = cloneWorld(before);
    before.dispose();

    const after = createSimulatedMaster({ clock, restore: world });
    const again = await Promise.all(paths.map((p) => api(after, 'GET', p)));
    expect(again.map((r) => r.status)).toEqual(seen.map((r) => r.status));
    expect(again.map((r) => r.body)).toEqual(seen.map((r) => r.body));
    expect(arr(obj(again[2]?.body).containers)).toHaveLength(2);
    after.dispose();
  });

  it('goes on making ids that sort after the old ones, and new tokens unlike the old', async () => {
    const clock = createFakeClock();
    const before = createSimulatedMaster({ clock, initialAdminCode: TEST_ADMIN_CODE });
    const token = await signIn(before, TEST_ADMIN_CODE);
    const first = await send(before, 'POST', '/v1/grids/production/services', {
      token,
      body: { name: 'one', image: 'redis:3.2', stateful: false },
    });
    const world = cloneWorld(before);
    before.dispose();

    const after = createSimulatedMaster({ clock, restore: world });
    const second = await send(after, 'POST', '/v1/grids/production/services', {
      token,
      body: { name: 'two', image: 'redis:3.2', stateful: false },
    });
    expect(String(obj(second.body).id) > String(obj(first.body).id)).toBe(true);
    const fresh = await signIn(after, after.mintAdminCode(60_000));
    expect(fresh).not.toBe(token);
    expect((await send(after, 'GET', '/v1/user', { token: fresh })).status).toBe(200);
    after.dispose();
  });

  it('finishes a deploy that was under way when the world was saved', async () => {
    const clock = createFakeClock();
    const before = createSimulatedMaster({ clock, initialAdminCode: TEST_ADMIN_CODE });
    const token = await signIn(before, TEST_ADMIN_CODE);
    await send(before, 'POST', '/v1/grids/production/services', {
      token,
      body: { name: 'midway', image: 'redis:3.2', instances: 3, stateful: false },
    });
    const deploy = await send(before, 'POST', '/v1/services/production/null/midway/deploy', { token, body: {} });
    const deployId = String(obj(deploy.body).id);
    await clock.advanceAsync(2_000, 250);
    const ongoing = await send(before, 'GET', `/v1/services/production/null/midway/deploys/${deployId}`, { token });
    expect(obj(ongoing.body).state).toBe('ongoing');
    const world = cloneWorld(before);
    before.dispose();

    const after = createSimulatedMaster({ clock, restore: world });
    await clock.advanceAsync(20_000, 250);
    const done = await send(after, 'GET', `/v1/services/production/null/midway/deploys/${deployId}`, { token });
    expect(obj(done.body).state).toBe('success');
    const containers = await send(after, 'GET', '/v1/services/production/null/midway/containers', { token });
    expect(arr(obj(containers.body).containers)).toHaveLength(3);
    after.dispose();
  });

  it('stops the instances of a service stopped just before the save', async () => {
    const clock = createFakeClock();
    const before = createSimulatedMaster({ clock, initialAdminCode: TEST_ADMIN_CODE });
    const token = await signIn(before, TEST_ADMIN_CODE);
    expect((await send(before, 'POST', '/v1/services/production/null/api/stop', { token, body: {} })).status).toBe(200);
    const world = cloneWorld(before);
    before.dispose();

    const after = createSimulatedMaster({ clock, restore: world });
    await clock.advanceAsync(2_000, 250);
    const containers = arr(obj((await send(after, 'GET', '/v1/services/production/null/api/containers', { token })).body).containers);
    expect(containers.length).toBeGreaterThan(0);
    expect(containers.map((c) => obj(obj(c).state).running)).toEqual(containers.map(() => false));
    after.dispose();
  });

  it('drops one-time codes that expired while it was saved', async () => {
    const clock = createFakeClock();
    const before = createSimulatedMaster({ clock, initialAdminCode: TEST_ADMIN_CODE });
    const shortLived = before.mintAdminCode(60_000);
    const world = cloneWorld(before);
    before.dispose();
    clock.advance(120_000);

    const after = createSimulatedMaster({ clock, restore: world });
    const res = await send(after, 'POST', '/oauth2/token', { body: { grant_type: 'authorization_code', code: shortLived } });
    expect(res.status).toBe(404);
    // The initial code never expires and was not used: it still signs in.
    expect(await signIn(after, TEST_ADMIN_CODE)).toMatch(/^[0-9a-f]{64}$/);
    after.dispose();
  });

  it('tells a world saved by code whose records had other fields', () => {
    const clock = createFakeClock();
    const master = createSimulatedMaster({ clock, live: false });
    const world = cloneWorld(master);
    const current = shapesOf(master.capture());
    master.dispose();
    expect(shapeMismatches(world.shapes, current)).toEqual([]);
    const older = { ...world.shapes, service: world.shapes.service?.replace('privileged,', '') };
    expect(shapeMismatches(older, current)).toEqual(['service']);
  });
});

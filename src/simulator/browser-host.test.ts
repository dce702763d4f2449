import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMasterHost, type MasterHost, type WorldStorage } from './browser-host';
import { createRemoteMaster, type RemoteMaster } from './browser-remote';
import { createFakeClock, type FakeClock } from './engine/clock';
import { createMemoryWorldStorage } from '../../test/simulator/memory-world-storage';
import { arr, obj, send } from '../../test/simulator/test-support';

/** Lets messages between the ports arrive (they go through the event loop, not microtasks). */
const deliver = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

const hosts: MasterHost[] = [];
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose();
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function startHost(storage: WorldStorage, clock: FakeClock): MasterHost {
  const host = createMasterHost({ scenario: 'demo', storage, clock, saveEveryMs: 0 });
  hosts.push(host);
  return host;
}

/** A tab: its own port to the host, signed in with a code the host mints for it. */
async function openTab(host: MasterHost): Promise<{ remote: RemoteMaster; token: string }> {
  const channel = new MessageChannel();
  channels.push(channel);
  host.connect(channel.port1);
  const remote = createRemoteMaster(channel.port2);
  await remote.ready;
  const code = await remote.mintCode();
  const res = await send(remote, 'POST', '/oauth2/token', { body: { grant_type: 'authorization_code', code } });
  const token = obj(res.body).access_token;
  if (typeof token !== 'string') throw new Error(`no token: ${res.status}`);
  return { remote, token };
}

async function serviceNames(remote: RemoteMaster, token: string): Promise<string[]> {
  const res = await send(remote, 'GET', '/v1/grids/production/services', { token });
  return arr(obj(res.body).services).map((s) => String(obj(s).name));
}

describe('the simulated master every tab shares', () => {
  it('shows a service created in one tab in the other', async () => {
    const host = startHost(createMemoryWorldStorage(), createFakeClock());
    const a = await openTab(host);
    const b = await openTab(host);
    expect(await serviceNames(b.remote, b.token)).not.toContain('from-tab-a');
    const created = await send(a.remote, 'POST', '/v1/grids/production/services', {
      token: a.token,
      body: { name: 'from-tab-a', image: 'redis:3.2', stateful: false },
    });
    expect(created.status).toBe(201);
    expect(await serviceNames(b.remote, b.token)).toContain('from-tab-a');
  });

  it('keeps the world through a reload: a change answered just before it is there, and the session still works', async () => {
    const storage = createMemoryWorldStorage();
    const clock = createFakeClock();
    const before = startHost(storage, clock);
    const tab = await openTab(before);
    await send(tab.remote, 'POST', '/v1/grids/production/services', {
      token: tab.token,
      body: { name: 'kept', image: 'redis:3.2', stateful: false },
    });
    // The last tab reloads: the worker goes with it, before any timed save.
    before.dispose();
    clock.advance(60_000);

    const after = startHost(storage, clock);
    const channel = new MessageChannel();
    channels.push(channel);
    after.connect(channel.port1);
    const reloaded = createRemoteMaster(channel.port2);
    await reloaded.ready;
    expect(await serviceNames(reloaded, tab.token)).toContain('kept');
  });

  it('streams a log tail chunk by chunk, and ends it at the host when the page lets go', async () => {
    const clock = createFakeClock();
    const host = startHost(createMemoryWorldStorage(), clock);
    const tab = await openTab(host);
    const res = await tab.remote.handle(
      new Request('http://sim/v1/services/production/null/api/container_logs?follow=1&limit=5', {
        headers: { Authorization: `Bearer ${tab.token}`, Accept: 'application/json' },
      }),
    );
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"data"');
    const master = await host.master();
    expect(master.activeStreams()).toBe(1);
    await reader.cancel();
    await deliver();
    await clock.advanceAsync(1000, 250);
    expect(master.activeStreams()).toBe(0);
  });

  it('resets the demo for every tab: each is told, and what was created is gone', async () => {
    const storage = createMemoryWorldStorage();
    const host = startHost(storage, createFakeClock());
    const a = await openTab(host);
    const b = await openTab(host);
    await send(a.remote, 'POST', '/v1/grids/production/services', {
      token: a.token,
      body: { name: 'short-lived', image: 'redis:3.2', stateful: false },
    });
    const told: string[] = [];
    a.remote.onWorldReset(() => told.push('a'));
    b.remote.onWorldReset(() => told.push('b'));
    await a.remote.reset();
    await deliver();
    expect(told.sort()).toEqual(['a', 'b']);
    // The old tokens went with the old world: a tab signs in again, as it does on load.
    expect((await send(b.remote, 'GET', '/v1/user', { token: b.token })).status).toBe(403);
    const again = await openTab(host);
    const names = await serviceNames(again.remote, again.token);
    expect(names).not.toContain('short-lived');
    expect(names).toContain('api');
  });

  it('starts the scenario afresh from a world saved by code whose records differ', async () => {
    const storage = createMemoryWorldStorage();
    const clock = createFakeClock();
    const first = startHost(storage, clock);
    const tab = await openTab(first);
    await send(tab.remote, 'POST', '/v1/grids/production/services', {
      token: tab.token,
      body: { name: 'old-code', image: 'redis:3.2', stateful: false },
    });
    first.dispose();
    const saved = await storage.load('demo');
    if (!saved) throw new Error('nothing saved');
    await storage.save({ ...saved, shapes: { ...saved.shapes, service: 'id,name' } });

    const second = startHost(storage, clock);
    const fresh = await openTab(second);
    expect(await serviceNames(fresh.remote, fresh.token)).not.toContain('old-code');
  });

  it('answers a change of a world that is slow to save at once, and saves it half a second later', async () => {
    const storage = createMemoryWorldStorage();
    const clock = createFakeClock();
    let cost = 0;
    // Every save "takes" 300 ms of real time, like the large scenario's.
    const host = createMasterHost({ scenario: 'demo', storage, clock, saveEveryMs: 0, measure: () => (cost += 300) });
    hosts.push(host);
    const tab = await openTab(host);
    const before = storage.saves();
    await send(tab.remote, 'POST', '/v1/grids/production/services', {
      token: tab.token,
      body: { name: 'later', image: 'redis:3.2', stateful: false },
    });
    expect(storage.saves()).toBe(before);
    await clock.advanceAsync(600, 100);
    expect(storage.saves()).toBe(before + 1);
    const saved = await storage.load('demo');
    expect([...(saved?.grids.get('production')?.services.values() ?? [])].map((s) => s.name)).toContain('later');
  });

  it('fails a request as a lost connection when the host is gone, instead of waiting for ever', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const channel = new MessageChannel();
      channels.push(channel);
      // Nobody serves the other end: the worker crashed.
      const remote = createRemoteMaster(channel.port2, { headTimeoutMs: 30_000 });
      const answer = remote.handle(new Request('http://sim/v1/grids')).then(
        () => 'answered',
        (e: unknown) => (e instanceof TypeError ? e.message : 'other'),
      );
      await vi.advanceTimersByTimeAsync(30_000);
      expect(await answer).toBe('The simulated master did not answer GET /v1/grids in 30 s');
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes on in memory when the browser refuses to store the world', async () => {
    const errors: unknown[] = [];
    const refusing: WorldStorage = {
      load: () => Promise.reject(new Error('IndexedDB is off')),
      save: () => Promise.reject(new Error('IndexedDB is off')),
      clear: () => Promise.reject(new Error('IndexedDB is off')),
    };
    const host = createMasterHost({
      scenario: 'demo',
      storage: refusing,
      clock: createFakeClock(),
      saveEveryMs: 0,
      onSaveError: (e) => errors.push(e),
    });
    hosts.push(host);
    const tab = await openTab(host);
    expect(await serviceNames(tab.remote, tab.token)).toContain('api');
    expect(errors.length).toBeGreaterThan(0);
  });
});

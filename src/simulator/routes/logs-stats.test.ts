import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createTestMaster, obj, type TestMaster } from '../../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster();
});
afterEach(() => t.master.dispose());

const APP = '/v1/services/production/shop/app';
const LOG_KEYS = ['id', 'name', 'container_id', 'service', 'stack', 'grid', 'node', 'created_at', 'type', 'data'];

interface Log {
  id: string;
  name: string;
  created_at: string;
  container_id: string;
}

async function logs(query = ''): Promise<Log[]> {
  const res = await t.api('GET', `${APP}/container_logs${query}`);
  expect(res.status).toBe(200);
  return obj(res.body).logs as Log[];
}

/** Reads one chunk, advancing the fake clock while the stream waits. */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  let settled = false;
  const next = reader.read().then((r) => {
    settled = true;
    return r;
  });
  for (let i = 0; i < 200 && !settled; i++) await t.clock.advanceAsync(50, 50);
  const r = await next;
  return r.done ? null : new TextDecoder().decode(r.value);
}

describe('container logs', () => {
  it('serves the latest window oldest first, with monotonic ids and the LogJson keys', async () => {
    const window = await logs();
    expect(window).toHaveLength(100);
    expect(Object.keys(window[0] ?? {})).toEqual(LOG_KEYS);
    const ids = window.map((l) => l.id);
    expect(ids.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(obj(window[0]).service).toEqual({ id: 'production/shop/app', name: 'app' });
    const containers = arr(obj((await t.api('GET', `${APP}/containers`)).body).containers).map(obj);
    const internal = new Set(containers.map((c) => c.name));
    expect(window.every((l) => internal.has(l.name))).toBe(true);
    expect(window.some((l) => containers.some((c) => c.container_id === l.container_id))).toBe(false);
  });

  it('applies limit, from, since, instance and container like the master', async () => {
    const all = await logs('?limit=10000');
    expect(all.length).toBeGreaterThan(100);
    expect(await logs('?limit=0')).toHaveLength(100);
    expect(await logs('?limit=abc')).toHaveLength(100);
    const five = await logs('?limit=5');
    expect(five.map((l) => l.id)).toEqual(all.slice(-5).map((l) => l.id));
    const pivot = all[10];
    const after = await logs(`?from=${String(pivot?.id)}&limit=3`);
    expect(after.map((l) => l.id)).toEqual(all.slice(11, 14).map((l) => l.id));
    const since = String(all[all.length - 4]?.created_at);
    expect((await logs(`?since=${since}`)).every((l) => l.created_at > since)).toBe(true);
    expect(await logs('?since=not-a-time')).toEqual([]);
    expect((await logs('?instance=2')).every((l) => l.name === 'shop.app-2')).toBe(true);
    expect((await logs('?container=shop.app-3')).every((l) => l.name === 'shop.app-3')).toBe(true);
    const search = await t.api('GET', `${APP}/container_logs?search=error`);
    expect([search.status, search.body]).toEqual([500, { message: 'Internal server error' }]);
  });

  it('keeps generating lines while someone watches', async () => {
    const before = await logs('?limit=10000');
    await t.clock.advanceAsync(10_000, 1000);
    const after = await logs(`?from=${String(before[before.length - 1]?.id)}`);
    expect(after.length).toBeGreaterThan(0);
  });

  it('cuts the store of a service nobody reads back to its newest 200 lines, and goes on when read again', async () => {
    await logs();
    await t.clock.advanceAsync(4 * 60_000, 1000);
    const read = await logs('?limit=10000');
    expect(read.length).toBeGreaterThan(200);
    const lastRead = String(read[read.length - 1]?.id);
    // Unread for longer than the 5 min watch: generation stops and the store is cut back.
    await t.clock.advanceAsync(6 * 60_000, 1000);
    const kept = await logs('?limit=10000');
    expect(kept).toHaveLength(200);
    expect(kept.some((l) => l.id > lastRead)).toBe(true);
    expect(kept.map((l) => l.id)).not.toContain(read[0]?.id);
    await t.clock.advanceAsync(10_000, 1000);
    expect((await logs('?limit=10000')).length).toBeGreaterThan(200);
  });

  it('streams with follow (any value): the window, then new lines, one object per chunk, " " when idle', async () => {
    const ac = new AbortController();
    const res = await t.master.handle(
      new Request(`http://sim${APP}/container_logs?follow=0&limit=3`, {
        headers: { Authorization: `Bearer ${t.token}` },
        signal: ac.signal,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('X-Kontena-Version')).toBe('1.2.0.dev');
    expect(t.master.activeStreams()).toBe(1);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const chunks: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await readChunk(reader);
      if (c === null) break;
      chunks.push(c);
    }
    const objects = chunks.filter((c) => c.trim() !== '').map((c) => obj(JSON.parse(c)));
    expect(objects.length).toBeGreaterThan(3);
    const ids = objects.map((o) => String(o.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(chunks.every((c) => c === ' ' || c.startsWith('{'))).toBe(true);
    const timersWhileOpen = t.master.pendingTimers();
    ac.abort();
    await t.clock.advanceAsync(1000, 100);
    expect(t.master.activeStreams()).toBe(0);
    expect(t.master.pendingTimers()).toBeLessThanOrEqual(timersWhileOpen);
  });

  it('ends streams after the dropped-streams fault time and on restart', async () => {
    t.master.setFaults({ dropStreamsAfterMs: 2000 });
    const dropped = await t.master.handle(
      new Request(`http://sim${APP}/event_logs?follow=1`, { headers: { Authorization: `Bearer ${t.token}` } }),
    );
    const droppedReader = dropped.body?.getReader();
    if (!droppedReader) throw new Error('no body');
    let chunks = 0;
    while ((await readChunk(droppedReader)) !== null) chunks += 1;
    expect(chunks).toBeGreaterThan(0);
    expect(t.clock.now()).toBeGreaterThanOrEqual(Date.UTC(2017, 3, 6, 12, 0, 2));
    expect(t.master.activeStreams()).toBe(0);
    t.master.setFaults({ dropStreamsAfterMs: null });
    const open = await t.master.handle(
      new Request(`http://sim${APP}/event_logs?follow=1`, { headers: { Authorization: `Bearer ${t.token}` } }),
    );
    const reader = open.body?.getReader();
    if (!reader) throw new Error('no body');
    await readChunk(reader);
    t.master.restart(5000);
    expect(t.master.activeStreams()).toBe(0);
    const down = await t.api('GET', '/v1/grids');
    expect(down.status).toBe(503);
    t.clock.advance(5000);
    expect((await t.api('GET', '/v1/grids')).status).toBe(200);
  });

  it('opens and drops 1,000 streams without leaving timers behind', async () => {
    const baseline = t.master.pendingTimers();
    for (let i = 0; i < 1000; i++) {
      const ac = new AbortController();
      const res = await t.master.handle(
        new Request(`http://sim${APP}/container_logs?follow=1`, { headers: { Authorization: `Bearer ${t.token}` }, signal: ac.signal }),
      );
      const reader = res.body?.getReader();
      await reader?.read();
      ac.abort();
      await reader?.cancel();
    }
    expect(t.master.activeStreams()).toBe(0);
    // The one log generator timer may have started for the watched service.
    expect(t.master.pendingTimers()).toBeLessThanOrEqual(baseline + 1);
  });
});

describe('event logs', () => {
  it('have no id and resume by since', async () => {
    const path = '/v1/services/production/null/api/event_logs';
    const all = obj((await t.api('GET', path)).body).logs as Record<string, unknown>[];
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((e) => !('id' in e))).toBe(true);
    const since = String(all[1]?.created_at);
    const rest = obj((await t.api('GET', `${path}?since=${since}`)).body).logs as Record<string, unknown>[];
    expect(rest.every((e) => String(e.created_at) > since)).toBe(true);
    const stack = obj((await t.api('GET', '/v1/stacks/production/shop/event_logs?limit=1000')).body).logs as Record<string, unknown>[];
    expect(stack.length).toBeGreaterThan(0);
    // Master events carry no stack relationship, so the stack log holds agent events only.
    expect(stack.every((e) => (e.relationships as { type: string }[]).some((r) => r.type === 'stack'))).toBe(true);
  });
});

describe('stats and metrics', () => {
  it('gives one row per container, sorted descending, limited', async () => {
    const rows = obj((await t.api('GET', `${APP}/stats?sort=memory`)).body).stats as {
      container_id: string;
      memory: { usage: number } | null;
    }[];
    expect(rows.map((r) => r.container_id).sort()).toEqual(['shop.app-1', 'shop.app-2', 'shop.app-3']);
    const usage = rows.map((r) => r.memory?.usage ?? 0);
    expect([...usage].sort((a, b) => b - a)).toEqual(usage);
    const limited = obj((await t.api('GET', `${APP}/stats?limit=1`)).body).stats as unknown[];
    expect(limited).toHaveLength(1);
    expect(Object.keys(obj(limited[0]))).toEqual(['container_id', 'cpu', 'memory', 'network']);
  });

  it('gives per-minute metrics for the last hour by default; junk times → 500', async () => {
    const m = obj((await t.api('GET', `${APP}/metrics`)).body);
    expect(Date.parse(String(m.to)) - Date.parse(String(m.from))).toBe(3_600_000);
    expect(String(m.from)).toMatch(/Z$/);
    const stats = arr(m.stats).map(obj);
    expect(stats.length).toBeGreaterThan(50);
    expect(String(stats[0]?.timestamp)).toMatch(/:00\.000\+00:00$/);
    const bad = await t.api('GET', `${APP}/metrics?from=yesterday-ish`);
    expect([bad.status, bad.body]).toEqual([500, { message: 'Internal server error' }]);
  });
});

import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../src/simulator/engine/clock';
import { parseFaults, startMockMaster, type RunningMockMaster } from './mock-master';
import { waitFor } from '../test/server/test-helpers';

// The master runs on a fake clock: its background timers never fire on their own, so
// its timer count is exact, and time-based faults (restart downtime) need no sleeping.
// Only socket I/O is real.

const ADMIN_CODE = 'feedc0de0042';
const decoder = new TextDecoder();

/** Reads until `enough(text)` holds; returns the text and whether the body had ended. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  enough: (text: string) => boolean,
): Promise<{ text: string; ended: boolean }> {
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, ended: true };
    text += decoder.decode(value, { stream: true });
    if (enough(text)) return { text, ended: false };
  }
}

/** The complete chunks of a raw chunked HTTP/1.1 response, as text. */
function completeChunks(raw: Buffer): string[] {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) return [];
  const chunks: string[] = [];
  let at = headerEnd + 4;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) return chunks;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0) || lineEnd + 2 + size + 2 > raw.length) return chunks;
    chunks.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size).toString('utf8'));
    at = lineEnd + 2 + size + 2;
  }
}

/** Heap in use after a full collection, when the runtime lets us ask for one. */
function heapUsed(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

describe('mock-master over HTTP', () => {
  let mock: RunningMockMaster;
  let clock: FakeClock;
  let auth: Record<string, string>;

  const streamPath = '/v1/services/production/null/redis/container_logs?follow=1&limit=2';

  beforeAll(async () => {
    clock = createFakeClock(Date.UTC(2017, 3, 6, 15, 0, 0));
    mock = await startMockMaster({ port: 0, scenario: 'demo', seed: 1, initialAdminCode: ADMIN_CODE, simulator: { clock } });
    const res = await fetch(`${mock.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: ADMIN_CODE }),
    });
    expect(res.status).toBe(201);
    const token = (await res.json()) as { access_token: string };
    auth = { Authorization: `Bearer ${token.access_token}` };
  });

  afterAll(async () => {
    await mock.close();
  });

  it('listens on 127.0.0.1 on the port it picked', () => {
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
  });

  it('answers an ordinary request like the master: JSON with a length, the version header, no CORS', async () => {
    const res = await fetch(`${mock.url}/v1/grids`, { headers: { ...auth, Origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-kontena-version')).toBe('1.2.0.dev');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const body = JSON.parse(text) as { grids: { name: string }[] };
    expect(body.grids.map((g) => g.name)).toContain('production');

    const denied = await fetch(`${mock.url}/v1/grids`);
    expect(denied.status).toBe(403);
  });

  it('passes request bodies through', async () => {
    const broken = await fetch(`${mock.url}/v1/grids/production/services`, { method: 'POST', headers: auth, body: '{not json' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'Invalid json' });
    const created = await fetch(`${mock.url}/v1/grids/production/services`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'http-door-check', image: 'nginx:1.11-alpine', stateful: false }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'production/null/http-door-check', image: 'nginx:1.11-alpine' });
  });

  it('streams: the first objects arrive at once as separate chunks, with no Content-Length, and the stream stays open', async () => {
    const abort = new AbortController();
    const res = await fetch(`${mock.url}${streamPath}`, { headers: auth, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const body = res.body;
    if (!body) throw new Error('no body');
    const reader = body.getReader();
    const { text, ended } = await readUntil(reader, (t) => (t.match(/\{"id":"/g) ?? []).length >= 2);
    expect(ended).toBe(false);
    expect(text.startsWith('{"id":"')).toBe(true);
    expect(mock.master.activeStreams()).toBe(1);
    abort.abort();
    await waitFor(() => mock.master.activeStreams() === 0);
  });

  it('writes each object as its own HTTP chunk on the wire', async () => {
    const chunks = await new Promise<string[]>((resolve, reject) => {
      let data = Buffer.alloc(0);
      const socket = net.connect(mock.port, '127.0.0.1', () => {
        socket.write(`GET ${streamPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth.Authorization ?? ''}\r\n\r\n`);
      });
      socket.on('data', (more: Buffer) => {
        data = Buffer.concat([data, more]);
        const found = completeChunks(data);
        if (found.length >= 2) {
          socket.destroy();
          resolve(found);
        }
      });
      socket.on('error', reject);
    });
    for (const chunk of chunks) {
      expect(chunk.startsWith('{"id":"')).toBe(true);
      expect(JSON.parse(chunk)).toMatchObject({ name: expect.stringMatching(/^redis-\d+$/) as unknown });
    }
    await waitFor(() => mock.master.activeStreams() === 0);
  });

  it('keeps an idle stream alive with a single " " chunk', async () => {
    const abort = new AbortController();
    const res = await fetch(`${mock.url}/v1/grids/production/event_logs?follow=1&since=2099-01-01T00:00:00Z`, {
      headers: auth,
      signal: abort.signal,
    });
    const body = res.body;
    if (!body) throw new Error('no body');
    const { text } = await readUntil(body.getReader(), (t) => t.length > 0);
    expect(text).toBe(' ');
    abort.abort();
    await waitFor(() => mock.master.activeStreams() === 0);
  });

  it('sets and reads faults through /__sim/faults', async () => {
    const initial = await fetch(`${mock.url}/__sim/faults`);
    expect(await initial.json()).toEqual({ latencyMs: 0, errorRate: 0, dropStreamsAfterMs: null });
    const set = await fetch(`${mock.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 1 }) });
    expect(await set.json()).toEqual({ latencyMs: 0, errorRate: 1, dropStreamsAfterMs: null });
    const failing = await fetch(`${mock.url}/v1/grids`, { headers: auth });
    expect(failing.status).toBe(500);
    expect(await failing.json()).toEqual({ message: 'Internal server error' });
    await fetch(`${mock.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 0 }) });
    expect((await fetch(`${mock.url}/v1/grids`, { headers: auth })).status).toBe(200);
    const bad = await fetch(`${mock.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 3 }) });
    expect(bad.status).toBe(400);
    expect(parseFaults({ dropStreamsAfterMs: null, latencyMs: 20 })).toEqual({ dropStreamsAfterMs: null, latencyMs: 20 });
    expect(typeof parseFaults({ latency: 20 })).toBe('string');
  });

  it('takes a node away and brings it back through /__sim/node; the nodes list says so', async () => {
    const nodesOf = async (): Promise<{ name: string; connected: boolean }[]> => {
      const res = await fetch(`${mock.url}/v1/grids/production/nodes`, { headers: auth });
      return ((await res.json()) as { nodes: { name: string; connected: boolean }[] }).nodes;
    };
    const [first] = await nodesOf();
    if (first === undefined) throw new Error('the grid has no nodes');
    const post = (body: unknown) => fetch(`${mock.url}/__sim/node`, { method: 'POST', body: JSON.stringify(body) });
    expect(await (await post({ grid: 'production', node: first.name, connected: false })).json()).toEqual({
      grid: 'production',
      node: first.name,
      connected: false,
    });
    expect((await nodesOf()).find((n) => n.name === first.name)?.connected).toBe(false);
    await post({ grid: 'production', node: first.name, connected: true });
    expect((await nodesOf()).find((n) => n.name === first.name)?.connected).toBe(true);
    expect((await post({ grid: 'production', node: 'nope', connected: false })).status).toBe(404);
    expect((await post({ grid: 'production', node: first.name })).status).toBe(400);
  });

  it('restarts through /__sim/restart: open streams end, requests get 503 while the master is down', async () => {
    const res = await fetch(`${mock.url}${streamPath}`, { headers: auth });
    const body = res.body;
    if (!body) throw new Error('no body');
    const reader = body.getReader();
    await readUntil(reader, (t) => t.length > 0);
    const restart = await fetch(`${mock.url}/__sim/restart`, { method: 'POST', body: JSON.stringify({ downMs: 3000 }) });
    expect(await restart.json()).toEqual({ restarted: true, downMs: 3000 });
    const rest = await readUntil(reader, () => false);
    expect(rest.ended).toBe(true);
    expect(mock.master.activeStreams()).toBe(0);
    expect((await fetch(`${mock.url}/v1/grids`, { headers: auth })).status).toBe(503);
    clock.advance(3001);
    expect((await fetch(`${mock.url}/v1/grids`, { headers: auth })).status).toBe(200);
  });

  it('opens and drops 1,000 streams and leaves no stream, timer or memory behind', async () => {
    // Warm up: the first log request of a service starts its log generator (a timer the
    // master keeps for a while); the baseline includes it.
    const warm = new AbortController();
    const first = await fetch(`${mock.url}${streamPath}`, { headers: auth, signal: warm.signal });
    const firstBody = first.body;
    if (!firstBody) throw new Error('no body');
    await readUntil(firstBody.getReader(), (t) => t.length > 0);
    warm.abort();
    await waitFor(() => mock.master.activeStreams() === 0);
    const baselineTimers = mock.master.pendingTimers();
    const heapBefore = heapUsed();

    const BATCH = 100;
    for (let batch = 0; batch < 10; batch++) {
      const opened = await Promise.all(
        Array.from({ length: BATCH }, async () => {
          const abort = new AbortController();
          const res = await fetch(`${mock.url}${streamPath}`, { headers: auth, signal: abort.signal });
          const body = res.body;
          if (!body) throw new Error('no body');
          const { ended } = await readUntil(body.getReader(), (t) => t.length > 0).catch(() => ({ ended: true }));
          return { abort, ended };
        }),
      );
      expect(opened.every((s) => !s.ended)).toBe(true);
      expect(mock.master.activeStreams()).toBe(BATCH);
      // Every open stream holds a timer (its keep-alive wait) until its client goes away.
      expect(mock.master.pendingTimers()).toBeGreaterThan(baselineTimers);
      for (const s of opened) s.abort.abort();
      await waitFor(() => mock.master.activeStreams() === 0);
    }

    await waitFor(() => mock.master.activeStreams() === 0 && mock.master.pendingTimers() === baselineTimers);
    expect(mock.master.activeStreams()).toBe(0);
    expect(mock.master.pendingTimers()).toBe(baselineTimers);
    const growth = heapUsed() - heapBefore;
    expect(growth).toBeLessThan(48 * 1024 * 1024);
  }, 120_000); // 1,000 real sockets: slow on a loaded 2-core machine; this is a leak test, not a timing one.
});

// Faults at the edges of serve.ts (issue #15 items 1 and 5): a master that dies or falls
// silent mid-stream, clients that send their headers or body slowly, bodies too large.
// Timeouts are injected tiny (tens of ms), so the real waits stay short.
import fs from 'node:fs';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServe } from './serve';
import {
  makeDist,
  rawClient,
  readToEnd,
  startKillableMaster,
  startUpstream,
  waitFor,
  type TestUpstream,
} from '../test/server/test-helpers';

const TIMEOUTS = { headersMs: 150, requestMs: 300, checkIntervalMs: 20, upstreamIdleMs: 300 };

function expectApiHeaders(headers: Record<string, string>): void {
  expect(headers['content-type']).toBe('application/json');
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe('serve.ts when the master dies mid-stream', () => {
  let dist: string;

  beforeAll(() => {
    dist = makeDist().dir;
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it("ends the client's stream within a second of the master being killed (SIGKILL)", async () => {
    const master = await startKillableMaster();
    const serve = await startServe({ port: 0, distDir: dist, upstream: master.url });
    try {
      const res = await fetch(`${serve.url}/v1/services/production/null/web/container_logs?follow=1`);
      expect(res.status).toBe(200);
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no body');
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('"first"');
      master.kill();
      expect(await readToEnd(reader, 1000)).not.toBe('open');
    } finally {
      master.kill();
      await serve.close();
    }
  });

  describe('with a master in this process', () => {
    let upstream: TestUpstream;
    let serve: RunningServe;
    const sockets: { reset?: () => void; close?: () => void } = {};

    beforeAll(async () => {
      upstream = await startUpstream((req, res) => {
        if (req.url?.startsWith('/v1/cut-length')) {
          // Promises 100 bytes, sends 10, and goes away.
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
          res.write('{"logs":[1');
          setTimeout(() => req.socket.destroy(), 20);
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"1","data":"first"}');
        sockets.reset = () => req.socket.resetAndDestroy();
        sockets.close = () => req.socket.destroy();
      });
      serve = await startServe({ port: 0, distDir: dist, upstream: upstream.url, timeouts: TIMEOUTS });
    });
    afterAll(async () => {
      await serve.close();
      await upstream.close();
    });

    for (const how of ['reset', 'close'] as const) {
      it(`ends the client's stream when the master's connection is ${how === 'reset' ? 'reset' : 'closed'} mid-stream`, async () => {
        const res = await fetch(`${serve.url}/v1/stream`);
        const reader = res.body?.getReader();
        if (!reader) throw new Error('no body');
        await reader.read();
        sockets[how]?.();
        expect(await readToEnd(reader, 1000)).toBe('errored');
      });
    }

    it('cuts an answer the master cut short of its Content-Length', async () => {
      const res = await fetch(`${serve.url}/v1/cut-length`);
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no body');
      expect(await readToEnd(reader, 1000)).toBe('errored');
    });
  });
});

describe('serve.ts timeouts that fit each kind of request', () => {
  let dist: string;
  let upstream: TestUpstream;
  let serve: RunningServe;
  let simulated: RunningServe;
  const received: string[] = [];

  beforeAll(async () => {
    dist = makeDist().dir;
    upstream = await startUpstream((req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url === '/v1/flowing') {
        // Flows for twice the request timeout: a keep-alive every 20 ms, then the end.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 20);
        setTimeout(() => {
          clearInterval(timer);
          res.end('{"done":true}');
        }, 2 * TIMEOUTS.requestMs);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (req.url === '/v1/silent') return; // accepts, never answers
      if (req.url === '/v1/stalls') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"1"}');
        return; // then nothing, and the connection stays up
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(`${req.headers['content-length'] ?? '-'}:${Buffer.concat(chunks).toString()}`);
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    serve = await startServe({ port: 0, distDir: dist, upstream: upstream.url, timeouts: TIMEOUTS, maxBodyBytes: 1024 });
    simulated = await startServe({
      port: 0,
      distDir: dist,
      simulate: { scenario: 'empty', seed: 1 },
      timeouts: TIMEOUTS,
      maxBodyBytes: 1024,
    });
  });

  afterAll(async () => {
    await serve.close();
    await simulated.close();
    await upstream.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('cuts a client that sends its headers slowly: a 408 with the security headers, the connection closed, nothing forwarded', async () => {
    const before = upstream.seen.length;
    const client = rawClient(serve.port);
    client.socket.write('GET /v1/grids HTTP/1.1\r\nHost: x\r\n');
    const timer = setInterval(() => client.socket.write('X-Slow: 1\r\n'), 30);
    const res = await client.done;
    clearInterval(timer);
    expect(res.closed).toBe(true);
    expect(res.status).toBe(408);
    expectApiHeaders(res.headers);
    expect(res.afterMs).toBeLessThan(1000);
    expect(upstream.seen.length).toBe(before);
  });

  for (const mode of ['proxy', 'simulate'] as const) {
    it(`${mode}: cuts a body that trickles in: a 408, the connection closed, and the master never held a connection for it`, async () => {
      const target = mode === 'proxy' ? serve : simulated;
      const before = upstream.seen.length;
      const client = rawClient(target.port);
      client.socket.write('POST /v1/grids HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na');
      // A byte every 30 ms: data keeps coming, the request as a whole is still too slow.
      const timer = setInterval(() => client.socket.write(' '), 30);
      const res = await client.done;
      clearInterval(timer);
      expect(res.closed).toBe(true);
      expect(res.status).toBe(408);
      expectApiHeaders(res.headers);
      expect(res.afterMs).toBeLessThan(1000);
      expect(upstream.seen.length).toBe(before);
      expect(upstream.open()).toBe(0);
    });
  }

  it('never cuts a stream that flows, however much longer than the request timeout it lasts', async () => {
    const started = Date.now();
    const res = await fetch(`${serve.url}/v1/flowing`);
    const text = await res.text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * TIMEOUTS.requestMs - 20);
    expect(text.trim()).toBe('{"done":true}');
  });

  it("gives up on a master that says nothing: a 504 the app reads as unreachable, and the master's request cut", async () => {
    const res = await fetch(`${serve.url}/v1/silent`);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ proxy: 'upstream_unreachable' });
    await waitFor(() => upstream.open() === 0, 2000);
  });

  it('ends a stream whose master fell silent (no keep-alive for upstreamIdleMs)', async () => {
    const res = await fetch(`${serve.url}/v1/stalls`);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    expect(await readToEnd(reader, 1000)).toBe('errored');
    await waitFor(() => upstream.open() === 0, 2000);
  });

  it('forwards an ordinary body whole, with its length, also when it came chunked', async () => {
    const plain = await fetch(`${serve.url}/v1/grids`, { method: 'POST', body: '{"name":"a"}' });
    expect(plain.status).toBe(201);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"name":'));
        c.enqueue(new TextEncoder().encode('"b"}'));
        c.close();
      },
    });
    const chunked = await fetch(`${serve.url}/v1/grids`, { method: 'POST', body: streamed, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(201);
    expect(received.slice(-2)).toEqual(['12:{"name":"a"}', '12:{"name":"b"}']);
  });

  for (const mode of ['proxy', 'simulate'] as const) {
    it(`${mode}: answers 413 to a body over the limit, and forwards nothing`, async () => {
      const target = mode === 'proxy' ? serve : simulated;
      const before = upstream.seen.length;
      const declared = await fetch(`${target.url}/v1/grids`, { method: 'POST', body: 'x'.repeat(2048) });
      expect(declared.status).toBe(413);
      expect(declared.headers.get('content-security-policy')).toContain("default-src 'none'");
      const big = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(512).fill(32));
          c.close();
        },
      });
      const chunked = await fetch(`${target.url}/v1/grids`, { method: 'POST', body: big, duplex: 'half' } as RequestInit).catch(() => null);
      // The 413 goes out on a closing connection; a client still sending may see the close first.
      if (chunked) expect(chunked.status).toBe(413);
      expect(upstream.seen.length).toBe(before);
    });
  }
});

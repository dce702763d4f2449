import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { probeMaster, startServe, type RunningServe } from './serve';
import { freePort, httpRequest, makeDist, rawRequest, waitFor } from '../test/server/test-helpers';

/** The strict set of every answer that is not one of the SPA's files. */
function expectApiHeaders(headers: Headers | Record<string, string | string[] | undefined>): void {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  };
  const csp = get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('no-referrer');
  expect(get('x-frame-options')).toBe('DENY');
  expect(get('cross-origin-resource-policy')).toBe('same-origin');
}

describe('serve.ts', () => {
  let dist: string;
  let upstream: http.Server;
  let upstreamUrl: string;
  let serve: RunningServe;
  let streamClosed = 0;
  let streamReleased: (() => void) | null = null;

  beforeAll(async () => {
    dist = makeDist().dir;
    fs.writeFileSync(path.join(os.tmpdir(), 'kd-secret.txt'), 'top secret');

    upstream = http.createServer((req, res) => {
      if (req.url?.startsWith('/v1/ping')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"message":"pong"}');
        return;
      }
      if (req.url?.startsWith('/v1/grids')) {
        // A master that sends headers of its own that a page must not get from here.
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Security-Policy': 'default-src *',
          'X-Frame-Options': 'ALLOWALL',
          'X-Kontena-Version': '1.2.0.dev',
        });
        res.end(JSON.stringify({ grids: [{ name: 'production' }], acceptEncoding: req.headers['accept-encoding'] ?? null }));
        return;
      }
      if (req.url?.startsWith('/v1/stream')) {
        // Like the master's log stream: a first object at once, then nothing until released.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"1","data":"first"}');
        res.on('close', () => (streamClosed += 1));
        streamReleased = () => res.end('{"id":"2","data":"last"}');
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end();
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const addr = upstream.address();
    upstreamUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    serve = await startServe({ port: 0, distDir: dist, upstream: upstreamUrl });
  });

  afterAll(async () => {
    await serve.close();
    upstream.closeAllConnections();
    await new Promise<void>((r) => upstream.close(() => r()));
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html with security headers and no-cache', async () => {
    const res = await fetch(`${serve.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Kontena Dashboard');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('caches hashed assets for a year', async () => {
    const res = await fetch(`${serve.url}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to index.html for deep links', async () => {
    const res = await fetch(`${serve.url}/grids/production/services/null/web/logs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Kontena Dashboard');
  });

  it('never serves a file outside dist/', async () => {
    for (const p of ['/../kd-secret.txt', '/%2e%2e/kd-secret.txt', '/assets/..%2f..%2fkd-secret.txt', '/..%5ckd-secret.txt']) {
      const res = await rawRequest(serve.port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(res.body).not.toContain('top secret');
    }
  });

  it('proxies the API to the master', async () => {
    const res = await fetch(`${serve.url}/v1/ping`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'pong' });
    expect(await probeMaster(upstreamUrl)).toBeNull();
  });

  it('passes a stream through chunk by chunk and closes upstream when the client goes away', async () => {
    const controller = new AbortController();
    const res = await fetch(`${serve.url}/v1/stream`, { signal: controller.signal });
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    // The first object arrives while the upstream response is still open.
    expect(new TextDecoder().decode(first.value)).toContain('"first"');
    expect(streamReleased).not.toBeNull();
    controller.abort();
    await waitFor(() => streamClosed === 1);
  });

  it('answers JSON 502 when the master is unreachable', async () => {
    const closedPort = await freePort();
    const down = await startServe({ port: 0, distDir: dist, upstream: `http://127.0.0.1:${closedPort}` });
    try {
      const res = await fetch(`${down.url}/v1/grids`);
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error: string; proxy: string };
      expect(body.error).toMatch(/unreachable/);
      expect(body.proxy).toBe('upstream_unreachable');
      expect(await probeMaster(`http://127.0.0.1:${closedPort}`)).toMatch(/unreachable/);
    } finally {
      await down.close();
    }
  });

  it("verifies the master's TLS certificate, trusting a self-signed one only through --ca-file", async () => {
    const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-tls-'));
    const key = path.join(certDir, 'key.pem');
    const cert = path.join(certDir, 'cert.pem');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    expect(made.status).toBe(0);
    const tls = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"message":"pong"}');
    });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    const a = tls.address();
    const master = `https://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    const strict = await startServe({ port: 0, distDir: dist, upstream: master });
    const trusting = await startServe({ port: 0, distDir: dist, upstream: master, caFile: cert });
    try {
      expect((await fetch(`${strict.url}/v1/ping`)).status).toBe(502);
      const ok = await fetch(`${trusting.url}/v1/ping`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ message: 'pong' });
    } finally {
      await strict.close();
      await trusting.close();
      tls.closeAllConnections();
      await new Promise<void>((r) => tls.close(() => r()));
      fs.rmSync(certDir, { recursive: true, force: true });
    }
  });

  it('lets chosen origins frame the dashboard only when asked', async () => {
    const framed = await startServe({ port: 0, distDir: dist, upstream: upstreamUrl, frameAncestors: ['https://wall.example'] });
    try {
      const res = await fetch(`${framed.url}/`);
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://wall.example');
      expect(res.headers.get('x-frame-options')).toBeNull();
    } finally {
      await framed.close();
    }
  });

  it("puts the strict security headers on proxied JSON, over the master's own, and keeps its Content-Type", async () => {
    const res = await fetch(`${serve.url}/v1/grids`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-kontena-version')).toBe('1.2.0.dev');
    expectApiHeaders(res.headers);
    expect(res.headers.get('content-security-policy')).not.toContain('default-src *');
    expect(await res.json()).toMatchObject({ grids: [{ name: 'production' }] });
  });

  it('puts them on a proxied stream too, which still arrives chunk by chunk', async () => {
    const controller = new AbortController();
    const closedBefore = streamClosed;
    const res = await fetch(`${serve.url}/v1/stream`, { signal: controller.signal });
    expectApiHeaders(res.headers);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('"first"');
    controller.abort();
    await waitFor(() => streamClosed === closedBefore + 1);
  });

  it('puts them on its own answers: a 502, a refused path, a 404, a malformed request, an odd Expect, no Host', async () => {
    const closedPort = await freePort();
    const down = await startServe({ port: 0, distDir: dist, upstream: `http://127.0.0.1:${closedPort}` });
    try {
      expectApiHeaders((await fetch(`${down.url}/v1/grids`)).headers);
    } finally {
      await down.close();
    }
    const refused = await rawRequest(serve.port, 'GET /v1/../code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(refused.status).toBe(400);
    expectApiHeaders(refused.headers);
    const missing = await fetch(`${serve.url}/assets/missing-123.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expectApiHeaders(missing.headers);
    for (const text of [
      'GET /v1/grids HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'NOT-HTTP\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nExpect: tea\r\nConnection: close\r\n\r\n',
      'GET / HTTP/1.1\r\nConnection: close\r\n\r\n',
    ]) {
      const res = await rawRequest(serve.port, text);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type']).toBe('application/json');
      expectApiHeaders(res.headers);
    }
  });

  it('answers only GET and HEAD on static paths: 405 naming them otherwise', async () => {
    for (const p of ['/', '/assets/app-abc123.js', '/grids/production/services']) {
      for (const method of ['PUT', 'DELETE', 'POST', 'PATCH', 'OPTIONS', 'TRACE']) {
        const res = await httpRequest(`${serve.url}${p}`, { method });
        expect(res.status, `${method} ${p}`).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
        expectApiHeaders(res.headers);
      }
      const head = await httpRequest(`${serve.url}${p}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
    }
  });

  it('never forwards TRACE to the master (it would echo the token back)', async () => {
    const res = await httpRequest(`${serve.url}/v1/grids`, { method: 'TRACE', headers: { Authorization: 'Bearer secret' } });
    expect(res.status).toBe(405);
    expect(res.body.toString()).not.toContain('secret');
  });

  it('serves the precompressed file the client accepts, never compresses the API', async () => {
    const file = `${serve.url}/assets/app-abc123.js`;
    const br = await httpRequest(file, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.headers['content-type']).toContain('javascript');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    const original = fs.readFileSync(path.join(dist, 'assets', 'app-abc123.js'));
    expect(br.body.length).toBeLessThan(original.length / 4);
    expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await httpRequest(file, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);
    // q=0 refuses an encoding.
    expect((await httpRequest(file, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' } })).headers['content-encoding']).toBe('gzip');
    const plain = await httpRequest(file);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);

    // Deep links get index.html, compressed too, and never cached.
    const deep = await httpRequest(`${serve.url}/grids/production/services`, { headers: { 'Accept-Encoding': 'br' } });
    expect(deep.headers['content-encoding']).toBe('br');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(deep.body).toString()).toContain('Kontena Dashboard');

    const api = await httpRequest(`${serve.url}/v1/grids`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(api.body.toString())).toMatchObject({ grids: [{ name: 'production' }] });
  });

  it('keeps the headers on a 304', async () => {
    const first = await httpRequest(`${serve.url}/assets/app-abc123.js`, { headers: { 'Accept-Encoding': 'br' } });
    const etag = first.headers.etag;
    if (typeof etag !== 'string') throw new Error('no ETag');
    const again = await httpRequest(`${serve.url}/assets/app-abc123.js`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers['content-security-policy']).toContain("script-src 'self'");
    expect(again.headers['cache-control']).toContain('immutable');
    expect(again.headers.vary).toBe('Accept-Encoding');
  });

  it('refuses to start without a usable KONTENA_URL', async () => {
    await expect(startServe({ port: 0, distDir: dist })).rejects.toThrow(/KONTENA_URL is not set/);
    await expect(startServe({ port: 0, distDir: dist, upstream: 'master:8443' })).rejects.toThrow(/http/);
  });
});

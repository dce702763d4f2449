// Runs the README's nginx recipe (deploy/nginx.conf) against Debian's nginx: the same
// promises as serve.ts (headers on every answer, caching, SPA fallback, streaming
// pass-through, a stream ended when the master dies, hostile paths refused, slow clients
// cut, GET/HEAD only on static paths, precompressed files).
import type http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import zlib from 'node:zlib';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_PATHS,
  freePort,
  httpRequest,
  makeDist,
  rawClient,
  rawRequest,
  readToEnd,
  startKillableMaster,
  startUpstream,
  type TestUpstream,
} from '../test/server/test-helpers';

const NGINX = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => p && fs.existsSync(p));

/** The recipe's timeouts, shortened so slow clients and a silent master take a moment. */
const SHORT_TIMEOUTS: readonly [string, string][] = [
  ['client_header_timeout 10s', 'client_header_timeout 300ms'],
  ['client_body_timeout 10s', 'client_body_timeout 300ms'],
  ['proxy_read_timeout 60s', 'proxy_read_timeout 500ms'],
];

async function waitForPort(port: number, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}`);
    await new Promise((r) => setImmediate(r));
  }
}

interface RunningNginx {
  base: string;
  port: number;
  stop(): void;
}

/** deploy/nginx.conf as it is (but for `edits`), in an http {} block of its own. */
async function startNginx(dir: string, dist: string, masterUrl: string, edits: readonly [string, string][] = []): Promise<RunningNginx> {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx (npm test and .ci/run install it as root)');
  const port = await freePort();
  let serverBlock = fs
    .readFileSync(path.join(__dirname, '..', 'deploy', 'nginx.conf'), 'utf8')
    .replaceAll('DIST_DIR', dist)
    .replaceAll('MASTER_URL', masterUrl)
    .replaceAll('LISTEN', `127.0.0.1:${port}`);
  for (const [from, to] of edits) {
    if (!serverBlock.includes(from)) throw new Error(`deploy/nginx.conf no longer says "${from}"`);
    serverBlock = serverBlock.replaceAll(from, to);
  }
  const prefix = fs.mkdtempSync(path.join(dir, 'nginx-'));
  fs.chmodSync(prefix, 0o755);
  const conf = `daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  ${serverBlock}
}
`;
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(port);
  return { base: `http://127.0.0.1:${port}`, port, stop: () => child.kill('SIGTERM') };
}

function expectApiHeaders(headers: Record<string, string | string[] | undefined> | Headers): void {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  };
  expect(get('content-security-policy')).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox");
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('no-referrer');
  expect(get('x-frame-options')).toBe('DENY');
}

describe('deploy/nginx.conf with Debian nginx', () => {
  let dir: string;
  let dist: string;
  let upstream: TestUpstream;
  let nginx: RunningNginx;
  let base: string;
  let releaseStream: (() => void) | null = null;
  let resetStream: (() => void) | null = null;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-nginx-'));
    // nginx workers drop to an unprivileged user that must be able to read dist/.
    fs.chmodSync(dir, 0o755);
    const made = makeDist();
    dist = path.join(dir, 'dist');
    fs.cpSync(made.dir, dist, { recursive: true });
    fs.rmSync(made.dir, { recursive: true, force: true });
    fs.chmodSync(dist, 0o755);
    fs.chmodSync(path.join(dist, 'assets'), 0o755);

    upstream = await startUpstream((req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url?.startsWith('/v1/stream')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"1","data":"first"}');
        releaseStream = () => res.end('{"id":"2"}');
        resetStream = () => req.socket.resetAndDestroy();
        return;
      }
      if (req.url?.startsWith('/v1/stalls')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"1"}');
        return;
      }
      const html = req.url?.endsWith('/code');
      res.writeHead(200, { 'Content-Type': html ? 'text/html' : 'application/json', 'Content-Security-Policy': 'default-src *' });
      res.end(html ? '<html>code page</html>' : '{"message":"pong"}');
    });
    nginx = await startNginx(dir, dist, upstream.url, SHORT_TIMEOUTS);
    base = nginx.base;
  });

  afterAll(async () => {
    releaseStream?.();
    nginx?.stop();
    await upstream?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the SPA with the security headers, and deep links fall back to index.html', async () => {
    for (const p of ['/', '/grids/production/services/null/web']) {
      const res = await fetch(`${base}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Kontena Dashboard');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('caches hashed assets immutably', async () => {
    const res = await fetch(`${base}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it("proxies the API with the strict headers over the master's own, and passes a stream through unbuffered", async () => {
    const ping = await fetch(`${base}/v1/ping`);
    expect(await ping.json()).toEqual({ message: 'pong' });
    expectApiHeaders(ping.headers);

    const controller = new AbortController();
    const res = await fetch(`${base}/v1/stream`, { signal: controller.signal });
    expectApiHeaders(res.headers);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"first"');
    controller.abort();
  });

  it("ends the client's stream when the master's connection is reset mid-stream", async () => {
    const res = await fetch(`${base}/v1/stream`);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    resetStream?.();
    expect(await readToEnd(reader, 1000)).not.toBe('open');
  });

  it("ends the client's stream within a second of the master being killed (SIGKILL)", async () => {
    const master = await startKillableMaster();
    const own = await startNginx(dir, dist, master.url);
    try {
      const res = await fetch(`${own.base}/v1/services/production/null/web/container_logs?follow=1`);
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no body');
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('"first"');
      master.kill();
      expect(await readToEnd(reader, 1000)).not.toBe('open');
    } finally {
      master.kill();
      own.stop();
    }
  });

  it('ends a stream whose master fell silent for proxy_read_timeout', async () => {
    const res = await fetch(`${base}/v1/stalls`);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    expect(await readToEnd(reader, 2000)).not.toBe('open');
  });

  it('refuses every hostile path with a JSON 400 and the security headers, and the master sees none of them', async () => {
    const before = upstream.seen.length;
    for (const { raw } of HOSTILE_PATHS) {
      const res = await rawRequest(nginx.port, `GET ${raw} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(res.body, raw).not.toContain('code page');
      // An absolute-form target names its path plainly: nginx routes that path.
      if (raw.startsWith('http://')) continue;
      expect(res.status, raw).toBe(400);
      expect(res.headers['x-content-type-options'], raw).toBe('nosniff');
      expect(res.headers['content-security-policy'], raw).toContain("default-src 'none'");
    }
    expect(upstream.seen.slice(before)).toEqual(['/v1/grids']);
    const refused = await rawRequest(nginx.port, 'GET /v1/../code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(refused.headers['content-type']).toBe('application/json');
    expect(JSON.parse(refused.body)).toMatchObject({ error: expect.stringMatching(/Refused/) as unknown });
  });

  it('answers only GET and HEAD on static paths: 405 naming them otherwise', async () => {
    for (const p of ['/', '/assets/app-abc123.js', '/grids/production/services']) {
      for (const method of ['PUT', 'DELETE', 'POST', 'PATCH', 'OPTIONS']) {
        const res = await httpRequest(`${base}${p}`, { method });
        expect(res.status, `${method} ${p}`).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      expect((await httpRequest(`${base}${p}`, { method: 'HEAD' })).status).toBe(200);
    }
  });

  it("serves the build's .gz to clients that accept gzip, and never compresses the API", async () => {
    const original = fs.readFileSync(path.join(dist, 'assets', 'app-abc123.js'));
    const gz = await httpRequest(`${base}/assets/app-abc123.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await httpRequest(`${base}/assets/app-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    const deep = await httpRequest(`${base}/grids/production`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(deep.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(deep.body).toString()).toContain('Kontena Dashboard');
    const api = await httpRequest(`${base}/v1/ping`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('cuts a client that sends its body slowly before the master is asked anything', async () => {
    const before = upstream.seen.length;
    const client = rawClient(nginx.port);
    client.socket.write('POST /v1/grids HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na');
    const res = await client.done;
    expect(res.closed).toBe(true);
    expect(res.afterMs).toBeLessThan(2000);
    expect(upstream.seen.length).toBe(before);
  });

  it('cuts a client that sends its headers slowly', async () => {
    const before = upstream.seen.length;
    const client = rawClient(nginx.port);
    client.socket.write('GET /v1/ping HTTP/1.1\r\nHost: x\r\n');
    const res = await client.done;
    expect(res.closed).toBe(true);
    expect(res.afterMs).toBeLessThan(2000);
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses a body over 1 MiB with a 413', async () => {
    const before = upstream.seen.length;
    const res = await fetch(`${base}/v1/grids`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch(() => null);
    if (res) expect(res.status).toBe(413);
    expect(upstream.seen.length).toBe(before);
  });
});

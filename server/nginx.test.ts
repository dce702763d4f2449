// Runs the README's nginx recipe (deploy/nginx.conf) against Debian's nginx: the same
// promises as serve.ts (headers, caching, SPA fallback, streaming pass-through).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './test-helpers';

const NGINX = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => p && fs.existsSync(p));

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

describe('deploy/nginx.conf with Debian nginx', () => {
  let dir: string;
  let upstream: http.Server;
  let nginx: ChildProcess;
  let base: string;
  let releaseStream: (() => void) | null = null;

  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx (npm test and .ci/run install it as root)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-nginx-'));
    // nginx workers drop to an unprivileged user that must be able to read dist/.
    fs.chmodSync(dir, 0o755);
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Kontena Dashboard</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');

    upstream = http.createServer((req, res) => {
      if (req.url?.startsWith('/v1/stream')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id":"1","data":"first"}');
        releaseStream = () => res.end('{"id":"2"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"message":"pong"}');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const ua = upstream.address();
    const upstreamPort = typeof ua === 'object' && ua ? ua.port : 0;

    const port = await freePort();
    const serverBlock = fs
      .readFileSync(path.join(__dirname, '..', 'deploy', 'nginx.conf'), 'utf8')
      .replaceAll('DIST_DIR', dist)
      .replaceAll('MASTER_URL', `http://127.0.0.1:${upstreamPort}`)
      .replaceAll('LISTEN', `127.0.0.1:${port}`);
    const conf = `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${serverBlock}
}
`;
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
    await waitForPort(port);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    releaseStream?.();
    nginx?.kill('SIGTERM');
    upstream?.closeAllConnections();
    await new Promise<void>((r) => (upstream ? upstream.close(() => r()) : r()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the SPA with the security headers, and deep links fall back to index.html', async () => {
    for (const p of ['/', '/grids/production/services/null/web']) {
      const res = await fetch(`${base}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Kontena Dashboard');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('caches hashed assets immutably', async () => {
    const res = await fetch(`${base}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('proxies the API and passes a stream through unbuffered', async () => {
    const ping = await fetch(`${base}/v1/ping`);
    expect(await ping.json()).toEqual({ message: 'pong' });

    const controller = new AbortController();
    const res = await fetch(`${base}/v1/stream`, { signal: controller.signal });
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"first"');
    controller.abort();
  });
});

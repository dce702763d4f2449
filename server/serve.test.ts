import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import https from 'node:https';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMaster, startServe, type RunningServe } from './serve';
import { freePort, waitFor } from './test-helpers';

function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('end', () => {
      const status = Number(data.split(' ')[1]);
      resolve({ status, body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

describe('serve.ts', () => {
  let dist: string;
  let upstream: http.Server;
  let upstreamUrl: string;
  let serve: RunningServe;
  let streamClosed = 0;
  let streamReleased: (() => void) | null = null;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Kontena Dashboard</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(os.tmpdir(), 'kd-secret.txt'), 'top secret');

    upstream = http.createServer((req, res) => {
      if (req.url?.startsWith('/v1/ping')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"message":"pong"}');
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
      const res = await rawGet(serve.port, p);
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

  it('verifies the master\'s TLS certificate, trusting a self-signed one only through --ca-file', async () => {
    const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-tls-'));
    const key = path.join(certDir, 'key.pem');
    const cert = path.join(certDir, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
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

  it('refuses to start without a usable KONTENA_URL', async () => {
    await expect(startServe({ port: 0, distDir: dist })).rejects.toThrow(/KONTENA_URL is not set/);
    await expect(startServe({ port: 0, distDir: dist, upstream: 'master:8443' })).rejects.toThrow(/http/);
  });
});

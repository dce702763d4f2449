// The proxy forwards only the master's API (issue #15 item 3): every path some parser could
// read as another one is refused before routing, in both modes of serve.ts, and never
// reaches the master. The table is in test-helpers.ts (HOSTILE_PATHS); nginx.test.ts runs
// it against deploy/nginx.conf.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServe } from './serve';
import { HOSTILE_PATHS, makeDist, rawRequest, startUpstream, type TestUpstream } from '../test/server/test-helpers';

const ask = (port: number, target: string) => rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

function expectRefused(res: Awaited<ReturnType<typeof ask>>, status = 400): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect((JSON.parse(res.body) as { error: string }).error).toMatch(/./);
}

describe('serve.ts refuses paths that leave /v1/ and /oauth2/ to some parser', () => {
  let dist: string;
  let upstream: TestUpstream;
  let proxy: RunningServe;
  let simulated: RunningServe;

  beforeAll(async () => {
    dist = makeDist().dir;
    upstream = await startUpstream((req, res) => {
      // The master's /code page: HTML with no CSP, the page the issue saw served.
      const html = req.url === '/code' || req.url?.endsWith('/code');
      res.writeHead(200, { 'Content-Type': html ? 'text/html' : 'application/json' });
      res.end(html ? '<html>code page</html>' : JSON.stringify({ message: 'pong', url: req.url }));
    });
    proxy = await startServe({ port: 0, distDir: dist, upstream: upstream.url });
    simulated = await startServe({ port: 0, distDir: dist, simulate: { scenario: 'empty', seed: 1 } });
  });

  afterAll(async () => {
    await proxy.close();
    await simulated.close();
    await upstream.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  for (const mode of ['proxy', 'simulate'] as const) {
    it(`${mode}: refuses every hostile path with a JSON 400 and the security headers`, async () => {
      const serve = mode === 'proxy' ? proxy : simulated;
      const before = upstream.seen.length;
      for (const { raw } of HOSTILE_PATHS) {
        const res = await ask(serve.port, raw);
        expect(res.status, raw).toBe(400);
        expectRefused(res);
        expect(res.body).not.toContain('code page');
      }
      expectRefused(await ask(serve.port, `/v1/${'a'.repeat(9000)}`), 414);
      // Nothing of it reached the master.
      if (mode === 'proxy') expect(upstream.seen.slice(before)).toEqual([]);
    });

    it(`${mode}: forwards the normalised form of a legitimate path`, async () => {
      const serve = mode === 'proxy' ? proxy : simulated;
      const res = await ask(serve.port, '/%76%31/ping');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ message: 'pong' });
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    });
  }

  it('proxy: what reaches the master is the normalised path, escapes of other characters and the query as they came', async () => {
    const before = upstream.seen.length;
    for (const target of [
      '/%76%31/ping',
      '/v1/grids/caf%c3%a9',
      '/v1/grids/a%2Eb',
      '/v1/services/g/null/web/container_logs?follow=1&since=2017-04-06T15%3A38%3A17Z',
    ]) {
      expect((await ask(proxy.port, target)).status).toBe(200);
    }
    expect(upstream.seen.slice(before)).toEqual([
      '/v1/ping',
      '/v1/grids/caf%C3%A9',
      '/v1/grids/a.b',
      '/v1/services/g/null/web/container_logs?follow=1&since=2017-04-06T15%3A38%3A17Z',
    ]);
  });

  it('a path that is not the API is the SPA, never the master', async () => {
    const before = upstream.seen.length;
    for (const target of ['/code', '/V1/grids', '/v10/x', '/oauth2x/token', '/authenticate']) {
      const res = await ask(proxy.port, target);
      expect(res.status).toBe(200);
      expect(res.body).toContain('Kontena Dashboard');
    }
    expect(upstream.seen.slice(before)).toEqual([]);
  });
});

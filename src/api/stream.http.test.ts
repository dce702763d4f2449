import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureClient } from './client';
import { followLogs } from './logs';
import type { Log } from './schemas/log';
import { configureSessionStorage, setSession } from './session';
import { ACCESS_TOKEN, logJson } from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

/*
 * The same reader over real HTTP (Node's fetch, chunked encoding, a socket that dies).
 * The app's tsconfig has no Node types, and a `/// <reference types="node">` here would
 * leak them into every file of src/, so node:http is loaded untyped and described by
 * the few members this test uses.
 */
interface ServerResponse {
  writeHead(status: number, headers: Record<string, string>): ServerResponse;
  write(chunk: Uint8Array | string): boolean;
  end(chunk?: string): void;
  on(event: 'close', fn: () => void): void;
  socket: { destroy(): void } | null;
}
interface Server {
  listen(port: number, host: string, fn: () => void): void;
  address(): { port: number };
  close(fn: () => void): void;
  closeAllConnections(): void;
}
interface NodeHttp {
  createServer(handler: (req: { url?: string; headers: Record<string, string | undefined> }, res: ServerResponse) => void): Server;
}
const nodeHttpSpecifier = 'node:http';
const { createServer } = (await import(/* @vite-ignore */ nodeHttpSpecifier)) as NodeHttp;
const utf8 = new TextEncoder();

const all = Array.from({ length: 6 }, (_, i) => logJson(i + 1, `line ${i + 1}: naïve 日本語 🚀 {"x":"}"}`));
let server: Server;
let requests: URL[];
let closedByClient: number;
/** The first response goes quiet instead of dying: no byte, no keep-alive, the socket open. */
let halfDead: boolean;
/** When the client closed the half-dead response. */
let halfDeadClosed: boolean;

function write(res: ServerResponse, text: string): void {
  res.write(utf8.encode(text));
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

beforeEach(async () => {
  requests = [];
  closedByClient = 0;
  halfDead = false;
  halfDeadClosed = false;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
      res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"error":"invalid_token","error_description":"Invalid token"}');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const from = url.searchParams.get('from');
    if (from === null && halfDead) {
      for (const o of all.slice(0, 3)) write(res, JSON.stringify(o));
      write(res, ' ');
      res.on('close', () => {
        halfDeadClosed = true;
      });
      return;
    }
    if (from === null) {
      // Three logs, the third cut in the middle of a multi-byte character, then the socket dies.
      const text = all
        .slice(0, 3)
        .map((o) => JSON.stringify(o))
        .join(' ');
      const bytes = utf8.encode(text);
      const cut = indexOfBytes(bytes, utf8.encode('日'), bytes.length - 60) + 1;
      expect(cut).toBeGreaterThan(0);
      res.write(bytes.subarray(0, cut));
      setTimeout(() => {
        res.write(bytes.subarray(cut));
        write(res, ' ');
        write(res, JSON.stringify(all[3]).slice(0, 30));
        setTimeout(() => res.socket?.destroy(), 20);
      }, 20);
      return;
    }
    for (const o of all.filter((l) => String(l.id) > from)) write(res, JSON.stringify(o));
    const keepAlive = setInterval(() => write(res, ' '), 20);
    res.on('close', () => {
      clearInterval(keepAlive);
      closedByClient++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  configureClient({ baseUrl: `http://127.0.0.1:${port}` });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: ACCESS_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('followLogs of a service over HTTP', () => {
  it('survives a dying socket, resumes from the last id, and closes the connection on abort', async () => {
    const received: Log[] = [];
    const controller = new AbortController();
    const done = followLogs(
      { kind: 'service', ref: { grid: 'terminal-a', stack: 'null', name: 'redis' } },
      { signal: controller.signal, backoffMs: { initial: 10, max: 50 } },
      {
        onItems: (items) => received.push(...items),
      },
    );
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(all.length);
    expect(received.map((l) => l.data)).toEqual(all.map((l) => l.data));
    expect(requests).toHaveLength(2);
    expect(requests[1]?.searchParams.get('from')).toBe(all[2]?.id);
    expect(closedByClient).toBe(0);
    controller.abort();
    await done;
    await expect.poll(() => closedByClient, { timeout: 5000 }).toBe(1);
  });
});

describe('a half-dead upstream over HTTP', () => {
  it('is dropped when it stops writing without closing, and the tail resumes from the last id', async () => {
    halfDead = true;
    const received: Log[] = [];
    const controller = new AbortController();
    const done = followLogs(
      { kind: 'service', ref: { grid: 'terminal-a', stack: 'null', name: 'redis' } },
      // A short silence, so the test does not wait the real 5 s.
      { signal: controller.signal, backoffMs: { initial: 10, max: 50 }, silenceMs: 300 },
      { onItems: (items) => received.push(...items) },
    );
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(all.length);
    expect(received.map((l) => l.data)).toEqual(all.map((l) => l.data));
    expect(requests).toHaveLength(2);
    expect(requests[1]?.searchParams.get('from')).toBe(all[2]?.id);
    // The reader closed the silent connection itself (the server never did).
    await expect.poll(() => halfDeadClosed, { timeout: 5000 }).toBe(true);
    controller.abort();
    await done;
  });
});

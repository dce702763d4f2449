/** Shared by the server tests, which use real sockets and real (short) waits. */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';

/** Resolves when `check` holds, polling every few ms, or fails after `ms` of real time. */
export async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A port on 127.0.0.1 that was free a moment ago (nothing listens on it now). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Paths some parser could read as another path: each is refused, whatever its prefix. */
export const HOSTILE_PATHS: readonly { raw: string; why: RegExp }[] = [
  { raw: '/v1/../code', why: /dot segment/ },
  { raw: '/v1/%2e%2e/code', why: /dot segment/ },
  { raw: '/v1/%2E%2E/code', why: /dot segment/ },
  { raw: '/v1/.%2e/code', why: /dot segment/ },
  { raw: '/v1/%2e./code', why: /dot segment/ },
  { raw: '/v1/grids/..', why: /dot segment/ },
  { raw: '/v1/./grids', why: /dot segment/ },
  { raw: '/v1/..;/code', why: /dot segment/ },
  { raw: '/v1/%2e%2e;x/code', why: /dot segment/ },
  { raw: '/oauth2/../code', why: /dot segment/ },
  { raw: '/assets/../index.html', why: /dot segment/ },
  { raw: '/v1/..%2fcode', why: /encoded slash/ },
  { raw: '/v1%2f..%2fcode', why: /encoded slash/ },
  { raw: '/v1/services/g/null/a%2Fb', why: /encoded slash/ },
  { raw: '/v1/%5c..%5ccode', why: /encoded slash or backslash/ },
  { raw: '/v1\\..\\code', why: /backslash/ },
  { raw: '/v1/grids\\x', why: /backslash/ },
  { raw: '//v1/grids', why: /empty path segment/ },
  { raw: '//evil.example/v1/grids', why: /empty path segment/ },
  { raw: '/v1//grids', why: /empty path segment/ },
  { raw: '/v1/%252e%252e/code', why: /double encoding/ },
  { raw: '/v1/%252f', why: /double encoding/ },
  { raw: '/v1/grids%00', why: /encoded control/ },
  { raw: '/v1/grids%0d%0aX-Injected:%201', why: /encoded control/ },
  { raw: '/v1/grids\u0000', why: /control/ },
  { raw: '/v1/grids\u007f', why: /control/ },
  { raw: '/v1/caf\u00e9', why: /non-ASCII/ },
  { raw: '/v1/\uff0e\uff0e/code', why: /non-ASCII/ },
  { raw: '/v1/%zz', why: /malformed/ },
  { raw: '/v1/grids%', why: /malformed/ },
  { raw: '/v1/grids%2', why: /malformed/ },
  { raw: '*', why: /not a path/ },
  { raw: 'http://master.example/v1/grids', why: /not a path/ },
  { raw: '/v1/grids#x', why: /fragment/ },
];

/** A built-looking dist/: index.html and a hashed asset, each with its .br and .gz. */
export function makeDist(): { dir: string; js: string; html: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const html = `<!doctype html><title>Kontena Dashboard</title>${'<!-- padding -->'.repeat(100)}`;
  const js = `console.log(${JSON.stringify('x'.repeat(2000))});`;
  for (const [file, text] of [
    ['index.html', html],
    ['assets/app-abc123.js', js],
  ] as const) {
    const full = path.join(dir, file);
    fs.writeFileSync(full, text);
    fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(text));
  }
  return { dir, js, html };
}

export interface RawResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The whole response as received (several, for a pipelined exchange). */
  raw: string;
}

function decodeChunked(body: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) return out;
    const size = parseInt(body.slice(at, lineEnd), 16);
    if (!(size > 0)) return out;
    out += body.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/** Parses the first response of a raw HTTP/1.1 exchange. */
export function parseRawResponse(raw: string): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  const head = headEnd < 0 ? raw : raw.slice(0, headEnd);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const rest = headEnd < 0 ? '' : raw.slice(headEnd + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? decodeChunked(rest) : rest;
  return { status: Number(statusLine.split(' ')[1]), headers, body, raw };
}

/**
 * A client on a raw socket, for what fetch() never sends: dot segments as they are,
 * malformed requests, headers or bodies sent slowly. `done` resolves when the server
 * closes the connection (or `ms` of real time pass: then `closed` is false).
 */
export function rawClient(
  port: number,
  ms = 5000,
): { socket: net.Socket; done: Promise<RawResponse & { closed: boolean; afterMs: number }> } {
  const socket = net.connect(port, '127.0.0.1');
  const started = Date.now();
  const done = new Promise<RawResponse & { closed: boolean; afterMs: number }>((resolve) => {
    let data = '';
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseRawResponse(data), closed, afterMs: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), ms);
    socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
  });
  return { socket, done };
}

/** One request on a raw socket, written as given (`Connection: close` is up to the caller). */
export function rawRequest(port: number, text: string): Promise<RawResponse & { closed: boolean; afterMs: number }> {
  const client = rawClient(port);
  client.socket.write(text, 'utf8');
  return client.done;
}

/** GET (or another method) with node:http: no decompression, so encoded bodies are seen as sent. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface TestUpstream {
  url: string;
  port: number;
  /** Every request target it was sent, in order. */
  seen: string[];
  /** Exchanges begun and not yet ended or cut: connections to the master still held. */
  open(): number;
  close(): Promise<void>;
}

/** A stand-in master on 127.0.0.1 that records what reaches it. */
export async function startUpstream(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<TestUpstream> {
  const seen: string[] = [];
  let open = 0;
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    open += 1;
    res.once('close', () => (open -= 1));
    handler(req, res);
  });
  server.requestTimeout = 0;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    open: () => open,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Resolves with what the next read gives — data, the end, an error — or 'open' after `ms`. */
export async function nextRead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<'data' | 'ended' | 'errored' | 'open'> {
  let timer: NodeJS.Timeout | undefined;
  const open = new Promise<'open'>((resolve) => (timer = setTimeout(() => resolve('open'), ms)));
  const read = reader.read().then(
    (r): 'data' | 'ended' => (r.done ? 'ended' : 'data'),
    (): 'errored' => 'errored',
  );
  try {
    return await Promise.race([read, open]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A master in a child process that streams like the real one's log tail (a first object,
 * then a keep-alive space every 100 ms), so a test can kill it with SIGKILL mid-stream.
 */
export async function startKillableMaster(): Promise<{ url: string; kill(): void }> {
  const script = `
    const http = require('node:http');
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"id":"1","data":"first"}');
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', () => reject(new Error('the master child exited')));
  });
  return { url: `http://127.0.0.1:${port}`, kill: () => child.kill('SIGKILL') };
}

/** Reads until the body ends or errors; how it finished, or 'open' if it had not within `ms` of the call. */
export async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<'ended' | 'errored' | 'open'> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return 'open';
    const outcome = await nextRead(reader, left);
    if (outcome !== 'data') return outcome;
  }
}

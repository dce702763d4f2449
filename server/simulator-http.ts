/**
 * The simulated master behind node:http: turns an IncomingMessage into a web Request,
 * asks `master.handle`, and writes the Response back. Shared by server/mock-master.ts
 * and `serve.ts --simulate`.
 *
 * Streams are the point of care (docs/architecture.md "The simulated master"): each chunk the body
 * yields goes out as its own HTTP chunk at once (no buffering, no compression, no
 * Content-Length), the next chunk is read only when the socket has taken the last one,
 * and when the client goes away the request's AbortSignal fires and the body is
 * cancelled, so the simulator frees the stream's timers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatedMaster } from '../src/simulator/contract';
import { internalError } from '../src/simulator/http';
import { sendJson } from './json-answers';
import { declaresTooLarge, readRequestBody } from './request-body';

/** How many chunks, at most, a body may yield in one go and still count as a plain (non-stream) body. */
const MAX_BUFFERED_CHUNKS = 64;
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface NodeHandlerOptions {
  /** Put over the master's own headers on every answer (serve.ts --simulate: its security headers). */
  headers?: Readonly<Record<string, string>>;
  /** Larger request bodies get a 413 and are never handed to the master (default: no limit). */
  maxBodyBytes?: number;
}

export function createNodeHandler(
  master: SimulatedMaster,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serveWithMaster(master, req, res, options);
  };
}

async function serveWithMaster(
  master: SimulatedMaster,
  req: IncomingMessage,
  res: ServerResponse,
  options: NodeHandlerOptions,
): Promise<void> {
  const maxBodyBytes = options.maxBodyBytes ?? Number.POSITIVE_INFINITY;
  const tooLarge = { status: 413, body: { error: `Request body larger than ${maxBodyBytes} bytes` }, headers: { Connection: 'close' } };
  if (declaresTooLarge(req, maxBodyBytes)) {
    sendJson(res, tooLarge);
    return;
  }
  const abort = new AbortController();
  // 'close' also follows a finished response; only an unfinished one means the client left.
  res.once('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let request: Request | 'too-large' | 'gone';
  try {
    request = await toWebRequest(req, abort.signal, maxBodyBytes);
  } catch {
    // A request the fetch Request class refuses (a forbidden method such as TRACE).
    request = 'gone';
  }
  if (request === 'too-large') {
    sendJson(res, tooLarge);
    return;
  }
  if (request === 'gone') {
    // The client went away while sending its body, or the server's request timeout cut it.
    if (!res.destroyed) res.destroy();
    return;
  }
  let response: Response;
  try {
    response = await master.handle(request);
  } catch {
    // As the master's own router answers a crash.
    response = internalError();
  }
  await writeWebResponse(response, req, res, options.headers ?? {});
}

/** The whole request body; rejects when the client goes away or sends more than `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

async function toWebRequest(req: IncomingMessage, signal: AbortSignal, maxBodyBytes: number): Promise<Request | 'too-large' | 'gone'> {
  const method = (req.method ?? 'GET').toUpperCase();
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    // A Host header no URL can hold: the path is what the master routes on.
    url = new URL(req.url ?? '/', 'http://localhost');
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name === undefined || value === undefined) continue;
    try {
      headers.append(name, value);
    } catch {
      // A header the fetch Headers class refuses (invalid characters): the master would not see it either.
    }
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  let body: Buffer | null = null;
  if (hasBody) {
    const read = await readRequestBody(req, maxBodyBytes);
    if (read.kind !== 'complete') return read.kind;
    body = read.body;
  }
  return new Request(url, { method, headers, body: body && body.length > 0 ? new Uint8Array(body) : hasBody ? '' : null, signal });
}

type ReadResult = ReadableStreamReadResult<Uint8Array>;
const NEXT_TURN = Symbol('next-turn');

/** Resolves on the next I/O turn: a body that has not finished by then is a stream. */
const nextTurn = (): Promise<typeof NEXT_TURN> => new Promise((resolve) => setImmediate(() => resolve(NEXT_TURN)));

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writeWebResponse(
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
  extraHeaders: Readonly<Record<string, string>>,
): Promise<void> {
  if (res.destroyed) {
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);

  const body = response.body;
  if (body === null || req.method === 'HEAD') {
    await body?.cancel().catch(() => undefined);
    res.end();
    return;
  }

  const reader = body.getReader();
  res.once('close', () => {
    // The client left mid-body: cancelling the body ends the simulator's stream.
    if (!res.writableFinished) reader.cancel().catch(() => undefined);
  });

  // A body that is complete within this turn (every ordinary JSON answer) goes out with
  // a Content-Length like the real master's; anything slower is a stream.
  const buffered: Uint8Array[] = [];
  let bufferedBytes = 0;
  let pending: Promise<ReadResult> = reader.read();
  for (;;) {
    if (res.destroyed) return;
    const first = await Promise.race([pending, nextTurn()]);
    if (first === NEXT_TURN) break;
    if (first.done) {
      res.setHeader('Content-Length', bufferedBytes);
      res.end(Buffer.concat(buffered));
      return;
    }
    buffered.push(first.value);
    bufferedBytes += first.value.byteLength;
    pending = reader.read();
    if (buffered.length >= MAX_BUFFERED_CHUNKS || bufferedBytes >= MAX_BUFFERED_BYTES) break;
  }

  res.removeHeader('Content-Length');
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  try {
    for (const chunk of buffered) {
      if (res.destroyed) return;
      // Each write is its own HTTP chunk: the master writes one object per chunk.
      if (!res.write(chunk)) await waitForDrain(res);
    }
    buffered.length = 0;
    for (;;) {
      const next = await pending;
      if (next.done) break;
      if (res.destroyed) return;
      if (!res.write(next.value)) await waitForDrain(res);
      if (res.destroyed) return;
      pending = reader.read();
    }
    if (!res.destroyed) res.end();
  } catch {
    // The body errored mid-stream: cut the connection, as a crashed master would.
    if (!res.destroyed) res.destroy();
  } finally {
    if (res.destroyed) reader.cancel().catch(() => undefined);
  }
}

/**
 * Production server: serves the built SPA from dist/ and proxies the master's API on
 * the same origin. The master sends no CORS headers (docs/kontena-api.md §2.4), so this
 * proxy is how a browser reaches it. `--simulate` answers the API with the simulated
 * master in-process instead, for a demo without a master.
 *
 * What it promises (docs/architecture.md "How it runs"), in both modes, and where each is kept:
 * - only what normalises to /v1/… or /oauth2/… is the master's; paths that could mean
 *   another one to some parser are refused (request-target.ts);
 * - every response carries security headers: the page set on the SPA's files, a strict
 *   one on the API's answers, proxied and simulated, and on this server's own
 *   (security-headers.ts, json-answers.ts, client-errors.ts);
 * - the client's stream ends when the master's ends or breaks (master-proxy.ts);
 * - slow request headers and bodies are cut, flowing streams never (ServeTimeouts), and
 *   bodies are read whole before the master is asked (request-body.ts);
 * - static paths answer GET and HEAD only, precompressed when the build made .br/.gz
 *   files (static-files.ts); the API is never compressed.
 */
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import fs from 'node:fs';
import type { Duplex } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ScenarioName, SimulatedMaster } from '../src/simulator/contract';
import { readFlag } from './cli-flags';
import { answerClientErrors } from './client-errors';
import { sendJson } from './json-answers';
import { createMasterProxy } from './master-proxy';
import { DEFAULT_MAX_BODY_BYTES } from './request-body';
import { normaliseRequestTarget } from './request-target';
import { API_HEADERS, pageHeaders } from './security-headers';
import { createStaticFiles } from './static-files';

/**
 * Timeouts that fit each kind of request. Node applies the first two only while a request
 * is being received: once its last byte is in, the response may take as long as it flows,
 * so a log tail is never cut by them.
 */
export interface ServeTimeouts {
  /** All of a request's headers must arrive within this (ms). */
  headersMs: number;
  /** All of a request — headers and body — must arrive within this (ms); a slow body is cut with a 408. */
  requestMs: number;
  /** How often Node looks for requests over those two limits (ms): how late a cut may come. */
  checkIntervalMs: number;
  /** An idle keep-alive connection is closed after this (ms). */
  keepAliveMs: number;
  /** The master silent this long — connecting, before answering, between two chunks — ends the exchange (ms). */
  upstreamIdleMs: number;
}

export const DEFAULT_TIMEOUTS: ServeTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  checkIntervalMs: 1_000,
  keepAliveMs: 5_000,
  // The master writes a keep-alive space every 0.5 s on its streams (docs/kontena-api.md §4.11).
  upstreamIdleMs: 60_000,
};

export interface ServeOptions {
  port?: number;
  host?: string;
  distDir?: string;
  /** The master's URL; required unless `simulate` is given. */
  upstream?: string;
  simulate?: { scenario?: ScenarioName; seed?: number; initialAdminCode?: string };
  /**
   * PEM file of the CA that signed the master's certificate, for a master with a
   * self-signed certificate. TLS is always verified; this only adds a trusted CA.
   */
  caFile?: string;
  /** Allow pages of these origins to frame the dashboard (default: nobody). */
  frameAncestors?: string[];
  /** Tests shorten these. */
  timeouts?: Partial<ServeTimeouts>;
  /** Larger request bodies get a 413 (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface RunningServe {
  url: string;
  port: number;
  master: SimulatedMaster | null;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Methods that never reach the master: TRACE would echo the Authorization header back. */
const NEVER_FORWARDED = new Set(['TRACE', 'TRACK', 'CONNECT']);

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const distDir = path.resolve(options.distDir ?? path.join(here, '..', 'dist'));
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  }
  const timeouts: ServeTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  let master: SimulatedMaster | null = null;
  let agent: https.Agent | undefined;
  let api: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  if (options.simulate) {
    // Loaded only for --simulate: serving a real master never loads the simulator.
    const { createSimulatedMaster } = await import('../src/simulator/index');
    const { createNodeHandler } = await import('./simulator-http');
    master = createSimulatedMaster({
      scenario: options.simulate.scenario ?? 'demo',
      seed: options.simulate.seed,
      initialAdminCode: options.simulate.initialAdminCode,
    });
    api = createNodeHandler(master, { headers: API_HEADERS, maxBodyBytes });
  } else {
    const upstream = parseUpstream(options.upstream);
    if (upstream.protocol === 'https:')
      agent = new https.Agent({ keepAlive: true, ...(options.caFile ? { ca: readCaFile(options.caFile) } : {}) });
    api = createMasterProxy({ upstream, agent, maxBodyBytes, idleTimeoutMs: timeouts.upstreamIdleMs });
  }
  const files = createStaticFiles(distDir, pageHeaders(options.frameAncestors));

  // The response in progress on each connection, for the answers written on the socket itself.
  const responses = new WeakMap<Duplex, http.ServerResponse>();
  const server = http.createServer(
    {
      // Node answers a request with no Host itself, bare; we answer it with our headers below.
      requireHostHeader: false,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    (req, res) => {
      responses.set(req.socket, res);
      res.once('close', () => {
        if (responses.get(req.socket) === res) responses.delete(req.socket);
      });
      if (req.httpVersion === '1.1' && !req.headers.host) {
        sendJson(res, { status: 400, body: { error: 'Refused: no Host header' } });
        return;
      }
      const target = normaliseRequestTarget(req.url ?? '');
      if (!target.ok) {
        sendJson(res, { status: target.status, body: { error: `Refused: ${target.error}` } });
        return;
      }
      req.url = target.url;
      if (!target.api) {
        files(req, res, target.path);
        return;
      }
      if (NEVER_FORWARDED.has(req.method ?? '')) {
        sendJson(res, {
          status: 405,
          body: { error: `${req.method ?? ''} is never forwarded to the master` },
          headers: { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' },
        });
        return;
      }
      api(req, res);
    },
  );
  server.headersTimeout = Math.min(timeouts.headersMs, timeouts.requestMs);
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  answerClientErrors(server, (socket) => responses.get(socket));

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  return {
    url: `http://${host}:${port}`,
    port,
    master,
    close: () =>
      new Promise<void>((resolve) => {
        master?.dispose();
        agent?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readCaFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new Error(`--ca-file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

function parseUpstream(value: string | undefined): URL {
  if (!value) {
    throw new Error('KONTENA_URL is not set: give the master URL (e.g. KONTENA_URL=https://master.example:8443) or use --simulate.');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`KONTENA_URL "${value}" is not a valid URL (expected e.g. https://master.example:8443).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`KONTENA_URL "${value}" must start with http:// or https://.`);
  }
  return url;
}

/** Start-up check of the master (GET /v1/ping needs no token); null when it answered. */
export async function probeMaster(upstream: string, timeoutMs = 5000): Promise<string | null> {
  try {
    const res = await fetch(new URL('/v1/ping', upstream), { signal: AbortSignal.timeout(timeoutMs) });
    const body: unknown = await res.json().catch(() => null);
    if (res.ok && typeof body === 'object' && body !== null && (body as { message?: unknown }).message === 'pong') return null;
    return `${upstream} answered /v1/ping with HTTP ${res.status}, not a Kontena Master's "pong".`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    return `Kontena Master at ${upstream} is unreachable (${cause}).`;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const simulate = args.includes('--simulate');
  const scenario = readFlag(args, '--scenario') as ScenarioName | undefined;
  try {
    const running = await startServe({
      port: Number(readFlag(args, '--port') ?? process.env.PORT ?? 8080),
      host: readFlag(args, '--host') ?? '127.0.0.1',
      upstream: process.env.KONTENA_URL,
      caFile: readFlag(args, '--ca-file') ?? process.env.KONTENA_CA_FILE,
      frameAncestors: readFlag(args, '--frame-ancestors')?.split(',').filter(Boolean),
      simulate: simulate ? { scenario, initialAdminCode: process.env.INITIAL_ADMIN_CODE } : undefined,
      // Another build than dist/ (a second worktree's, a helper's own): `--dist DIR`.
      distDir: readFlag(args, '--dist'),
    });
    const target = running.master ? `the simulated master (sign in with code ${running.master.adminCode})` : process.env.KONTENA_URL;
    console.log(`Kontena Dashboard on ${running.url} → ${target}`);
    if (!running.master && process.env.KONTENA_URL) {
      const problem = await probeMaster(process.env.KONTENA_URL);
      if (problem) console.warn(`serve: warning: ${problem} The dashboard shows "master unreachable" and retries until it answers.`);
    }
  } catch (err) {
    console.error(`serve: ${(err as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}

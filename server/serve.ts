/**
 * Production server: serves the built SPA from dist/ and proxies the master's API on
 * the same origin. The master sends no CORS headers (kontena-api.md §2.4), so this
 * proxy is how a browser reaches it. `--simulate` answers the API with the simulated
 * master in-process instead, for a demo without a master.
 */
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ScenarioName, SimulatedMaster } from '../src/simulator/contract';
import { readFlag } from './cli-flags';

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
}

export interface RunningServe {
  url: string;
  port: number;
  master: SimulatedMaster | null;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const API_PREFIXES = ['/v1/', '/oauth2/'];

function isApiPath(url: string | undefined): boolean {
  const p = url ?? '/';
  return API_PREFIXES.some((prefix) => p.startsWith(prefix) || p === prefix.slice(0, -1));
}

function securityHeaders(frameAncestors: string[] = []): Record<string, string> {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'";
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(frameAncestors.length === 0 ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}

function jsonError(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: message, ...extra }));
}

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const distDir = path.resolve(options.distDir ?? path.join(here, '..', 'dist'));
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  }
  const headers = securityHeaders(options.frameAncestors);

  let master: SimulatedMaster | null = null;
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
    api = createNodeHandler(master);
  } else {
    const upstream = parseUpstream(options.upstream);
    const agent =
      upstream.protocol === 'https:' ? new https.Agent({ keepAlive: true, ...(options.caFile ? { ca: readCaFile(options.caFile) } : {}) }) : undefined;
    const proxy = createProxyMiddleware({
      target: upstream.toString(),
      changeOrigin: true,
      secure: true,
      agent,
      xfwd: true,
      // Streams (logs, events) never end on their own: no proxy timeout, no buffering.
      proxyTimeout: 0,
      on: {
        // http-proxy aborts upstream on the request's 'aborted' event, which Node has
        // deprecated; a log tail whose browser went away must never keep its upstream
        // stream open, so also close it when our response closes unfinished.
        proxyReq: (proxyReq, _req, res) => {
          res.on('close', () => {
            if (!res.writableFinished) proxyReq.destroy();
          });
        },
        error: (err, _req, res) => {
          const message = `Kontena Master at ${upstream.origin} is unreachable (${(err as NodeJS.ErrnoException).code ?? err.message})`;
          // `proxy` tells the app this 502 came from here, not from the master.
          if (res instanceof http.ServerResponse) jsonError(res, 502, message, { proxy: 'upstream_unreachable' });
          else res.destroy();
        },
      },
    });
    api = (req, res) => {
      void proxy(req, res, () => jsonError(res, 404, 'Not found'));
    };
  }

  const files = sirv(distDir, {
    single: true,
    dev: false,
    etag: true,
    gzip: false,
    brotli: false,
    setHeaders(res, pathname) {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });

  const server = http.createServer((req, res) => {
    if (isApiPath(req.url)) {
      api(req, res);
      return;
    }
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });
  server.requestTimeout = 0;
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

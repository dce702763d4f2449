/**
 * The simulated Kontena Master as a real HTTP server, for e2e tests, curl and any HTTP
 * client: `npm run mock-master -- --port 9292 [--scenario demo|empty|large] [--seed N] [--host H]`.
 *
 * Besides the master's API it answers a small control API outside `/v1`, for tests and
 * demos (the real master has nothing under `/__sim`):
 *   GET  /__sim/faults            → the current faults
 *   POST /__sim/faults  {…}       → merges Partial<Faults>, answers the new faults
 *   POST /__sim/restart {downMs?} → the master "restarts": open streams end, 503 for downMs
 *   POST /__sim/node {grid, node, connected} → the node's agent goes away / comes back (stays until told)
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  isScenarioName,
  SCENARIO_NAMES,
  type Faults,
  type ScenarioName,
  type SimulatedMaster,
  type SimulatorOptions,
} from '../src/simulator/contract';
import { createSimulatedMaster } from '../src/simulator/index';
import { readFlag } from './cli-flags';
import { createNodeHandler, readBody } from './simulator-http';

export interface MockMasterOptions {
  /** 0 picks a free port. Default 9292. */
  port?: number;
  host?: string;
  scenario?: ScenarioName;
  seed?: number;
  initialAdminCode?: string;
  /** Further simulator options, for tests (a fake clock, `live: false`, a stream life bound). */
  simulator?: Omit<SimulatorOptions, 'scenario' | 'seed' | 'initialAdminCode'>;
}

export interface RunningMockMaster {
  url: string;
  port: number;
  master: SimulatedMaster;
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__sim/';
const MAX_CONTROL_BODY = 64 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, MAX_CONTROL_BODY)).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('invalid JSON');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Checks a Partial<Faults> body; returns the faults or an error message. */
export function parseFaults(body: unknown): Partial<Faults> | string {
  if (!isRecord(body)) return 'expected a JSON object with latencyMs, errorRate and/or dropStreamsAfterMs';
  const out: Partial<Faults> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'latencyMs') {
      if (!nonNegative(value)) return 'latencyMs must be a number ≥ 0';
      out.latencyMs = value;
    } else if (key === 'errorRate') {
      if (!nonNegative(value) || value > 1) return 'errorRate must be a number between 0 and 1';
      out.errorRate = value;
    } else if (key === 'dropStreamsAfterMs') {
      if (value !== null && !nonNegative(value)) return 'dropStreamsAfterMs must be null or a number ≥ 0';
      out.dropStreamsAfterMs = value;
    } else {
      return `unknown fault "${key}" (known: latencyMs, errorRate, dropStreamsAfterMs)`;
    }
  }
  return out;
}

async function handleControl(master: SimulatedMaster, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  let body: unknown = {};
  if (method === 'POST') {
    try {
      body = await readJson(req);
    } catch (err) {
      sendJson(res, 400, { error: (err as Error).message });
      return;
    }
  }
  if (path === '/__sim/faults' && method === 'GET') {
    sendJson(res, 200, master.faults());
    return;
  }
  if (path === '/__sim/faults' && method === 'POST') {
    const faults = parseFaults(body);
    if (typeof faults === 'string') {
      sendJson(res, 400, { error: faults });
      return;
    }
    master.setFaults(faults);
    sendJson(res, 200, master.faults());
    return;
  }
  if (path === '/__sim/node' && method === 'POST') {
    const grid = isRecord(body) ? body.grid : undefined;
    const node = isRecord(body) ? body.node : undefined;
    const connected = isRecord(body) ? body.connected : undefined;
    if (typeof grid !== 'string' || typeof node !== 'string' || typeof connected !== 'boolean') {
      sendJson(res, 400, { error: 'expected {"grid": string, "node": string, "connected": boolean}' });
      return;
    }
    if (!master.setNodeConnected(grid, node, connected)) {
      sendJson(res, 404, { error: `no node ${node} in grid ${grid}` });
      return;
    }
    sendJson(res, 200, { grid, node, connected });
    return;
  }
  if (path === '/__sim/restart' && method === 'POST') {
    const downMs = isRecord(body) ? body.downMs : undefined;
    if (downMs !== undefined && !nonNegative(downMs)) {
      sendJson(res, 400, { error: 'downMs must be a number ≥ 0' });
      return;
    }
    master.restart(downMs);
    sendJson(res, 200, { restarted: true, ...(downMs === undefined ? {} : { downMs }) });
    return;
  }
  sendJson(res, 404, { error: 'Not found' });
}

/** Serves `master` over HTTP: its API plus the /__sim control endpoints. */
function createMockMasterHandler(master: SimulatedMaster): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const api = createNodeHandler(master);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(CONTROL_PREFIX)) {
      handleControl(master, req, res, path).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'control request failed' });
        else res.destroy();
      });
      return;
    }
    api(req, res);
  };
}

export async function startMockMaster(opts: MockMasterOptions = {}): Promise<RunningMockMaster> {
  const master = createSimulatedMaster({
    ...opts.simulator,
    scenario: opts.scenario ?? 'demo',
    seed: opts.seed,
    initialAdminCode: opts.initialAdminCode,
  });
  const server = http.createServer(createMockMasterHandler(master));
  // Log streams never end on their own: no request or idle timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 9292, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    master.dispose();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (opts.port ?? 9292);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    master,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Ending the streams first lets their responses finish; then cut whatever is left.
        master.dispose();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      return closing;
    },
  };
}

function fail(message: string): never {
  console.error(`mock-master: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portText = readFlag(args, '--port') ?? process.env.PORT ?? '9292';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port "${portText}" is not a port number (0 picks a free one)`);
  const scenarioText = readFlag(args, '--scenario') ?? 'demo';
  if (!isScenarioName(scenarioText)) fail(`--scenario "${scenarioText}" is not one of ${SCENARIO_NAMES.join(', ')}`);
  const scenario = scenarioText;
  const seedText = readFlag(args, '--seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`--seed "${seedText}" is not an integer`);
  const host = readFlag(args, '--host') ?? '127.0.0.1';
  const initialAdminCode = process.env.INITIAL_ADMIN_CODE?.trim() || undefined;

  let running: RunningMockMaster;
  try {
    running = await startMockMaster({ port, host, scenario, seed, initialAdminCode });
  } catch (err) {
    fail((err as Error).message);
  }
  console.log(`Kontena simulated master on ${running.url} (scenario ${scenario}, INITIAL_ADMIN_CODE=${running.master.adminCode})`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}

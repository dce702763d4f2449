/**
 * The simulated Kontena Master: one model and engine behind `handle(Request)`, which the
 * three doors (MSW in the browser, MSW in Node, server/mock-master.ts) all call.
 */
import { authenticate } from './auth';
import type { SimContext } from './context';
import type { Faults, SimulatedMaster, SimulatorOptions } from './contract';
import { createRealClock } from './engine/clock';
import { createEngine } from './engine/engine';
import { createPrng } from './engine/prng';
import { createTrackedClock } from './engine/tracked-clock';
import { internalError, MASTER_VERSION } from './http';
import { createIdFactory } from './model/ids';
import { addToken, createStore } from './model/store';
import { buildRouter } from './routes';
import { buildScenario } from './scenarios';

export type { SimulatedMaster, SimulatorOptions, Faults, ScenarioName } from './contract';

const DEFAULT_RESTART_DOWN_MS = 3000;

const DOWN_PAGE =
  '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';

const CODE_PAGE =
  '<!DOCTYPE html><html><head><title>Kontena Master</title></head><body><p>Your authorization code:</p><pre id="code"></pre>' +
  '<script>document.getElementById("code").textContent = (location.hash.match(/code=([^&]+)/) || [])[1] || "";</script></body></html>';

/** Adds X-Kontena-Version (routed responses only); a stream Response may have immutable headers, so rebuild if needed. */
function withVersion(res: Response): Response {
  try {
    res.headers.set('X-Kontena-Version', MASTER_VERSION);
    return res;
  } catch {
    const headers = new Headers(res.headers);
    headers.set('X-Kontena-Version', MASTER_VERSION);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}

export function createSimulatedMaster(options: SimulatorOptions = {}): SimulatedMaster {
  const baseClock = options.clock ?? createRealClock();
  const clock = createTrackedClock(baseClock);
  const seed = options.seed ?? 1;
  const rng = createPrng(seed);
  const store = createStore(createIdFactory(() => clock.now(), rng.fork('ids')), () => clock.now());
  const adminCode = options.initialAdminCode ?? rng.fork('admin-code').hex(12);
  addToken(store, { user: store.admin, scopes: ['user', 'owner'], expiresAt: null, code: true, code_value: adminCode });

  let faults: Faults = { latencyMs: 0, errorRate: 0, dropStreamsAfterMs: null, ...options.faults };
  const live = options.live ?? true;
  const scenario = options.scenario ?? 'demo';
  const engine = createEngine({
    store,
    clock,
    rng: rng.fork('engine'),
    live,
    streamMaxLifeMs: options.streamMaxLifeMs ?? null,
    faults: () => faults,
  });
  const ctx: SimContext = { store, clock, rng: rng.fork('routes'), seed, engine };
  buildScenario(scenario, ctx);
  engine.start({ churn: scenario === 'demo' });

  const router = buildRouter();
  const faultRng = rng.fork('faults');
  let downUntil = 0;
  let disposed = false;
  const sleepers = new Set<() => void>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        sleepers.delete(done);
        resolve();
      };
      sleepers.add(done);
      clock.setTimeout(done, ms);
    });

  const unavailable = (): Response => new Response(DOWN_PAGE, { status: 503, headers: { 'Content-Type': 'text/html' } });

  return {
    adminCode,
    clock: baseClock,
    async handle(request) {
      if (faults.latencyMs > 0 && !disposed) await sleep(faults.latencyMs);
      if (disposed || clock.now() < downUntil) return unavailable();
      const url = new URL(request.url);
      const path = url.pathname;
      if (path === '/code' && request.method === 'GET') {
        return new Response(CODE_PAGE, { status: 200, headers: { 'Content-Type': 'text/html' } });
      }
      const auth = authenticate(request, path, store);
      if (!auth.ok) return auth.response;
      if (path.startsWith('/v1/') && faults.errorRate > 0 && faultRng.next() < faults.errorRate) return withVersion(internalError());
      return withVersion(await router.dispatch(request, url, auth.auth, ctx));
    },
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    faults: () => ({ ...faults }),
    restart(downMs = DEFAULT_RESTART_DOWN_MS) {
      engine.closeStreams();
      downUntil = clock.now() + downMs;
    },
    activeStreams: () => engine.streamCount(),
    pendingTimers: () => clock.pendingTimers(),
    dispose() {
      disposed = true;
      clock.clearAll();
      engine.closeStreams();
      for (const wake of [...sleepers]) wake();
    },
  };
}

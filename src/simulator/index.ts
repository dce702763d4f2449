/**
 * The simulated Kontena Master: one model and engine behind `handle(Request)`, which the
 * three doors (MSW in the browser, MSW in Node, server/mock-master.ts) all call.
 */
import { authenticate } from './auth';
import type { SimContext } from './context';
import type { Faults, SimulatedMaster, SimulatorOptions } from './contract';
import { createRealClock } from './engine/clock';
import { createEngine } from './engine/engine';
import { setNodeConnected } from './engine/nodes';
import { resumeStackWork } from './engine/stack-deploy';
import { createPrng } from './engine/prng';
import { hashString } from './engine/prng';
import { createTrackedClock } from './engine/tracked-clock';
import { internalError, MASTER_VERSION } from './http';
import { createIdFactory } from './model/ids';
import { addToken, createStore } from './model/store';
import { captureWorld, restoreStore } from './persist/world-state';
import { buildRouter } from './routes';
import { buildScenario } from './scenarios';

export type { SimulatedMaster, ScenarioName } from './contract';

const DEFAULT_RESTART_DOWN_MS = 3000;
/** The code a restored world offers as its admin code: a page load signs itself in with it at once. */
const ADMIN_CODE_TTL_MS = 10 * 60_000;

const DOWN_PAGE = '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';

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
  const restore = options.restore;
  const scenario = restore?.scenario ?? options.scenario ?? 'demo';
  const seed = restore?.seed ?? options.seed ?? 1;
  // A restored world must not draw the numbers it drew before: its tokens would repeat.
  const rng = createPrng(restore ? hashString(`${seed}:${restore.savedAt}:${clock.now()}`) : seed);
  const ids = createIdFactory(() => clock.now(), rng.fork('ids'), restore?.ids);
  const store = restore ? restoreStore(restore, ids, () => clock.now()) : createStore(ids, () => clock.now());
  const mintAdminCode = (ttlMs: number | null, value?: string): string => {
    const code = addToken(store, {
      user: store.admin,
      scopes: ['user', 'owner'],
      expiresAt: ttlMs === null ? null : clock.now() + ttlMs,
      code: true,
      code_value: value,
    }).code;
    if (code === null) throw new Error('a code token without a code');
    return code;
  };
  const adminCode = restore
    ? mintAdminCode(ADMIN_CODE_TTL_MS)
    : mintAdminCode(null, options.initialAdminCode ?? rng.fork('admin-code').hex(12));

  let faults: Faults = { latencyMs: 0, errorRate: 0, dropStreamsAfterMs: null, ...options.faults };
  const live = options.live ?? true;
  const engine = createEngine({
    store,
    clock,
    rng: rng.fork('engine'),
    live,
    streamMaxLifeMs: options.streamMaxLifeMs ?? null,
    faults: () => faults,
  });
  const ctx: SimContext = { store, clock, rng: rng.fork('routes'), seed, engine };
  if (!restore) buildScenario(scenario, ctx);
  engine.start({ churn: scenario === 'demo' });
  if (restore) {
    engine.resume();
    resumeStackWork(ctx);
  }

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
    setNodeConnected(gridName, nodeName, connected) {
      const node = store.grids.get(gridName)?.nodes.get(nodeName);
      if (node === undefined) return false;
      setNodeConnected(node, connected, clock.now());
      return true;
    },
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
    capture: () => captureWorld(store, { scenario, seed }),
    mintAdminCode: (ttlMs) => mintAdminCode(ttlMs),
  };
}

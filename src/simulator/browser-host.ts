/**
 * The host of the simulated master that every tab of the browser shares (`npm start`):
 * runs in a SharedWorker, or in the page where there is none. It keeps one world for
 * all pages, saves it (WorldStorage: IndexedDB in the browser) before it answers any
 * change and every few seconds besides, and starts from the saved world when it starts
 * again (a reload, the browser reopened), so the demo goes on where it was.
 *
 * A save copies the whole world: about 2 ms for the demo, about a second for the `large`
 * scenario's 15,000 containers. Where saving is that slow, a change is answered at once
 * and saved half a second later, and the timed saves space out to ten times their cost.
 */
import type { HostMessage, PageMessage, PortLike } from './browser-protocol';
import type { Clock } from './engine/clock';
import { createFakeClock, createRealClock } from './engine/clock';
import { createSimulatedMaster } from './index';
import type { ScenarioName, SimulatedMaster } from './contract';
import { shapeMismatches, shapesOf, WORLD_VERSION, type WorldState } from './persist/world-state';

export interface WorldStorage {
  load(scenario: ScenarioName): Promise<WorldState | null>;
  /** Copies the world at once (structured clone): later changes are not saved by this call. */
  save(world: WorldState): Promise<void>;
  clear(scenario: ScenarioName): Promise<void>;
}

interface MasterHostOptions {
  scenario: ScenarioName;
  storage: WorldStorage;
  /** Default: the real clock. */
  clock?: Clock;
  /** Passed to the master: a stream the page cannot cancel ends by itself (docs/architecture.md). */
  streamMaxLifeMs?: number;
  /** How often the world is saved besides after each change. */
  saveEveryMs?: number;
  /** Told when a save fails (the world then lives on in memory only). */
  onSaveError?: (error: unknown) => void;
  /**
   * What a save's own cost is measured with: real time, not the master's clock (a fake
   * clock does not move while a save runs). Default performance.now.
   */
  measure?: () => number;
}

export interface MasterHost {
  /** Serves one page's port until the page says bye. */
  connect(port: PortLike): void;
  /** The master once it has started (from the saved world or the scenario). */
  master(): Promise<SimulatedMaster>;
  /** Saves now (tests; a page going away). */
  save(): Promise<void>;
  pages(): number;
  dispose(): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
/** A save this quick is waited for before a change is answered. */
const QUICK_SAVE_MS = 200;
/** A slow world's change is saved this long after it, with the changes that follow. */
const SLOW_SAVE_DELAY_MS = 500;
/** What a page signs itself in with: used at once, so a short life is plenty. */
const PAGE_CODE_TTL_MS = 5 * 60_000;

/** The field names this code gives each kind of record, to tell a world saved by other code. */
function currentShapes(): ReturnType<typeof shapesOf> {
  const reference = createSimulatedMaster({ scenario: 'demo', live: false, clock: createFakeClock() });
  const shapes = shapesOf(reference.capture());
  reference.dispose();
  return shapes;
}

function usable(world: WorldState | null, scenario: ScenarioName): world is WorldState {
  return (
    world !== null &&
    world.version === WORLD_VERSION &&
    world.scenario === scenario &&
    shapeMismatches(world.shapes, currentShapes()).length === 0
  );
}

export function createMasterHost(options: MasterHostOptions): MasterHost {
  const { scenario, storage } = options;
  const clock = options.clock ?? createRealClock();
  const measure = options.measure ?? (() => performance.now());
  const streamMaxLifeMs = options.streamMaxLifeMs ?? 30_000;
  const ports = new Set<PortLike>();
  let saving: Promise<void> = Promise.resolve();
  let disposed = false;
  let lastSaveMs = 0;
  let pendingSave: ReturnType<Clock['setTimeout']> | null = null;

  const fresh = (): SimulatedMaster => createSimulatedMaster({ scenario, clock, streamMaxLifeMs });

  const start = async (): Promise<SimulatedMaster> => {
    let world: WorldState | null = null;
    try {
      world = await storage.load(scenario);
    } catch (error) {
      options.onSaveError?.(error);
    }
    if (usable(world, scenario)) {
      try {
        return createSimulatedMaster({ restore: world, clock, streamMaxLifeMs });
      } catch (error) {
        // A world this code cannot read after all: the scenario starts afresh.
        options.onSaveError?.(error);
      }
    }
    const master = fresh();
    await saveWorld(master);
    return master;
  };

  // One save at a time, in order; each copies the world when it starts.
  const saveWorld = (master: SimulatedMaster): Promise<void> => {
    saving = saving.then(async () => {
      if (disposed) return;
      const began = measure();
      try {
        await storage.save(master.capture());
      } catch (error) {
        options.onSaveError?.(error);
      }
      lastSaveMs = measure() - began;
    });
    return saving;
  };

  /** After a change: kept before the answer where saving is quick, soon after it where it is not. */
  const saveChange = (master: SimulatedMaster): Promise<void> => {
    if (lastSaveMs <= QUICK_SAVE_MS) return saveWorld(master);
    if (pendingSave === null) {
      pendingSave = clock.setTimeout(() => {
        pendingSave = null;
        void saveWorld(master);
      }, SLOW_SAVE_DELAY_MS);
    }
    return Promise.resolve();
  };

  let current: Promise<SimulatedMaster> = start();
  const everyMs = options.saveEveryMs ?? 5000;
  let timer: ReturnType<Clock['setTimeout']> | null = null;
  const timedSave = (): void => {
    timer = clock.setTimeout(
      () => {
        void current.then(saveWorld).then(() => {
          if (!disposed) timedSave();
        });
      },
      Math.max(everyMs, 10 * lastSaveMs),
    );
  };
  if (everyMs > 0) timedSave();

  const post = (port: PortLike, message: HostMessage, transfer?: Transferable[]): void => {
    try {
      port.postMessage(message, transfer);
    } catch {
      // The page is gone: nothing to tell.
    }
  };

  const connect = (port: PortLike): void => {
    ports.add(port);
    const open = new Map<number, AbortController>();

    const answer = async (message: Extract<PageMessage, { kind: 'request' }>): Promise<void> => {
      const abort = new AbortController();
      open.set(message.id, abort);
      try {
        const master = await current;
        const request = new Request(message.url, {
          method: message.method,
          headers: message.headers,
          body: message.body === null || SAFE_METHODS.has(message.method.toUpperCase()) ? null : message.body,
          signal: abort.signal,
        });
        const response = await master.handle(request);
        // A change is kept before the page hears of it: a reload right after never loses it.
        if (!SAFE_METHODS.has(message.method.toUpperCase()) && response.status < 500) await saveChange(master);
        post(port, {
          kind: 'head',
          id: message.id,
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
        });
        if (response.body && !NULL_BODY_STATUS.has(response.status)) {
          const reader = response.body.getReader();
          abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
          for (;;) {
            const { done, value } = await reader.read();
            if (done || abort.signal.aborted) break;
            const bytes = value.slice().buffer;
            post(port, { kind: 'chunk', id: message.id, bytes }, [bytes]);
          }
        }
        post(port, { kind: 'end', id: message.id });
      } catch (error) {
        if (!abort.signal.aborted)
          post(port, { kind: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
      } finally {
        open.delete(message.id);
      }
    };

    const reset = async (id: number): Promise<void> => {
      const old = await current;
      old.dispose();
      current = (async () => {
        await storage.clear(scenario).catch((error: unknown) => options.onSaveError?.(error));
        const master = fresh();
        await saveWorld(master);
        return master;
      })();
      await current;
      post(port, { kind: 'reset-done', id });
      for (const other of ports) post(other, { kind: 'world-reset' });
    };

    port.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as PageMessage;
      switch (message.kind) {
        case 'request':
          void answer(message);
          break;
        case 'cancel':
          open.get(message.id)?.abort();
          break;
        case 'mint-code':
          void current.then(async (master) => {
            const code = master.mintAdminCode(PAGE_CODE_TTL_MS);
            await saveWorld(master);
            post(port, { kind: 'code', id: message.id, code });
          });
          break;
        case 'reset':
          void reset(message.id);
          break;
        case 'bye':
          for (const abort of open.values()) abort.abort();
          ports.delete(port);
          void current.then(saveWorld);
          break;
      }
    });
    port.start?.();
    current.then(
      () => post(port, { kind: 'ready' }),
      (error: unknown) => post(port, { kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  return {
    connect,
    master: () => current,
    save: () => current.then(saveWorld),
    pages: () => ports.size,
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      if (pendingSave !== null) clock.clearTimeout(pendingSave);
      void current.then((master) => master.dispose());
    },
  };
}

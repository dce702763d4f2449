// The log view's engine against the simulated master (its Node door) on a fake clock:
// the stream, the held lines and what reaches the terminal, without a browser.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureClient } from '../../api/client';
import { configureSessionStorage, setSession } from '../../api/session';
import { MemoryStorage } from '../../../test/api/memory-storage';
import { stripSgr } from '../../lib/log-line-format';
import type { PaceOptions } from '../../lib/paced-body';
import type { FrameScheduler } from '../../lib/terminal-write-queue';
import { setupSimulatorServer } from '../../simulator/node';
import { createTestMaster } from '../../../test/simulator/test-support';
import type { TestMaster } from '../../../test/simulator/test-support';
import { createLogController } from './log-controller';
import type { LogController } from './log-controller';
import type { LogSession } from './log-stream-follower';
import { TERMINAL_RESET } from './log-terminal-writer';
import type { LogTerminal } from './log-terminal-writer';
import type { LogView } from './log-view-filter';
import type { LogScope } from '../../api/logs';

const API: LogScope = { kind: 'service', ref: { grid: 'production', stack: 'null', name: 'api' } };
const SHOP: LogScope = { kind: 'stack', grid: 'production', stack: 'shop' };
const PRODUCTION: LogScope = { kind: 'grid', grid: 'production' };
const VIEW: LogView = { timestamps: 'off', instances: null, containers: null, grep: '', scrollback: 10_000 };

let t: TestMaster;
let server: ReturnType<typeof setupSimulatorServer>;

/** Frames run when the test says so; each stands for FRAME_MS of the page's own clock. */
const FRAME_MS = 50;
function manualFrames(): FrameScheduler & { run(): void; time: number } {
  let queued: (() => void)[] = [];
  const frames = {
    time: 0,
    request(fn: () => void) {
      queued.push(fn);
      return queued.length;
    },
    cancel: () => undefined,
    run() {
      frames.time += FRAME_MS;
      const now = queued;
      queued = [];
      for (const fn of now) fn();
    },
  };
  return frames;
}

/** A terminal that parses at once and keeps what is on its screen since the last reset. */
function fakeTerminal(): LogTerminal & { screen(): string[]; atBottom: boolean } {
  let text = '';
  const t: LogTerminal & { screen(): string[]; atBottom: boolean } = {
    atBottom: true,
    write(data, callback) {
      const reset = data.lastIndexOf(TERMINAL_RESET);
      text = reset >= 0 ? data.slice(reset + TERMINAL_RESET.length) : text + data;
      queueMicrotask(callback);
    },
    setScrollback: () => undefined,
    scrollToBottom: () => undefined,
    isAtBottom: () => t.atBottom,
    onScroll: () => () => undefined,
    findNext: () => Promise.resolve(true),
    findPrevious: () => Promise.resolve(true),
    clearSearch: () => undefined,
    onSearchResults: () => () => undefined,
    screen: () =>
      stripSgr(text)
        .split('\r\n')
        .filter((l) => l !== ''),
  };
  return t;
}

interface Rig {
  controller: LogController;
  terminal: ReturnType<typeof fakeTerminal>;
  frames: ReturnType<typeof manualFrames>;
  /** Lets the stream, the frames and the acknowledgements run. */
  settle(): Promise<void>;
}

function rig(pace: PaceOptions = { yieldTask: () => Promise.resolve() }): Rig {
  const frames = manualFrames();
  const terminal = fakeTerminal();
  // On the fake clock the stream must move within the clock's steps: pacing yields in microtasks.
  const controller = createLogController({
    scheduler: frames,
    now: () => t.clock.now(),
    // The reorder window's clock moves with the frames: ten frames of a settle() are half a second.
    clock: () => frames.time,
    notifyEveryMs: 0,
    backoffMs: { initial: 1, max: 1 },
    pace,
  });
  controller.attach(terminal);
  return {
    controller,
    terminal,
    frames,
    async settle() {
      for (let i = 0; i < 10; i++) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        frames.run();
      }
    },
  };
}

async function masterIds(path: string): Promise<string[]> {
  const res = await t.api('GET', `${path}?limit=10000`);
  return ((res.body as { logs: { id: string }[] }).logs ?? []).map((l) => l.id);
}

/** Lines in time order: created_at, then id. */
function inTimeOrder(lines: readonly { at: number; id: string }[]): boolean {
  return lines.every((l, i) => {
    const prev = lines[i - 1];
    return prev === undefined || prev.at < l.at || (prev.at === l.at && prev.id < l.id);
  });
}

/** Held ids are one unbroken run of the master's ids: no gap, no duplicate, in order. */
async function expectUnbrokenRun(held: string[], path = '/v1/services/production/null/api/container_logs'): Promise<void> {
  const all = await masterIds(path);
  const start = all.indexOf(held[0] ?? '');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(held).toEqual(all.slice(start, start + held.length));
}

const session = (over: Partial<LogSession> = {}): LogSession => ({ scope: API, lines: 100, since: '', follow: true, ...over });

beforeAll(async () => {
  t = await createTestMaster({ scenario: 'demo' });
  server = setupSimulatorServer(t.master);
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  configureClient({ baseUrl: 'http://sim' });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: t.token, refreshToken: null, expiresAt: null, user: null, remember: false });
  t.master.setFaults({ dropStreamsAfterMs: null });
});
let open: Rig[] = [];
afterEach(() => {
  // Abort every stream (reader.cancel() may not settle on a fake clock).
  for (const r of open) r.controller.dispose();
  open = [];
});
afterAll(() => {
  server.close();
  t.master.dispose();
});

function started(s: LogSession, view: LogView = VIEW, pace?: PaceOptions): Rig {
  const r = rig(pace);
  open.push(r);
  r.controller.setView(view);
  r.controller.start(s);
  return r;
}

describe('log controller with the simulated master', () => {
  it('shows the initial window, then new lines as the fake clock advances, each once and in order', async () => {
    const r = started(session());
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().connection)).toBe('live');
    await expect.poll(async () => (await r.settle(), r.terminal.screen().length)).toBe(100);
    expect(r.terminal.screen().every((l) => /^api-[123] [│┃] /.test(l))).toBe(true);
    const before = r.controller.getStatus().held;

    await t.clock.advanceAsync(10_000, 250);
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBeGreaterThan(before + 10);

    const held = r.controller.shownLines().map((l) => l.id);
    expect(new Set(held).size).toBe(held.length);
    expect([...held].sort()).toEqual(held);
    await expectUnbrokenRun(held);
    expect(r.terminal.screen()).toHaveLength(held.length);
  });

  it('pauses the stream and resumes from the last line: nothing missed, nothing twice', async () => {
    const r = started(session());
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBe(100);
    r.controller.start(session({ follow: false }));
    expect(r.controller.getStatus().connection).toBe('paused');
    const atPause = r.controller.getStatus().held;

    await t.clock.advanceAsync(8_000, 250);
    await r.settle();
    expect(r.controller.getStatus().held).toBe(atPause);

    r.controller.start(session({ follow: true }));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBeGreaterThan(atPause + 5);
    await expectUnbrokenRun(r.controller.shownLines().map((l) => l.id));
  });

  it('reconnects after the master drops the stream and resumes with from=<last id>', async () => {
    t.master.setFaults({ dropStreamsAfterMs: 1_500 });
    const r = started(session());
    const seen = new Set<string>();
    const unsubscribe = r.controller.subscribe(() => seen.add(r.controller.getStatus().connection));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBe(100);
    for (let i = 0; i < 12; i++) {
      await t.clock.advanceAsync(1_000, 250);
      await r.settle();
    }
    unsubscribe();
    expect(seen).toContain('reconnecting');
    const held = r.controller.shownLines().map((l) => l.id);
    expect(new Set(held).size).toBe(held.length);
    await expectUnbrokenRun(held);
    expect(held.length).toBeGreaterThan(110);
  });

  it('filters instances and greps locally without losing what is held', async () => {
    const r = started(session({ lines: 300 }));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBeGreaterThan(150);
    const held = r.controller.getStatus().held;

    r.controller.setView({ ...VIEW, instances: new Set([1, 3]) });
    await r.settle();
    const screen = r.terminal.screen();
    expect(screen.length).toBeGreaterThan(0);
    expect(screen.every((l) => /^api-[13] /.test(l))).toBe(true);
    expect(r.controller.getStatus().held).toBe(held);

    r.controller.setView({ ...VIEW, grep: 'get' });
    await r.settle();
    expect(r.terminal.screen().length).toBeGreaterThan(0);
    expect(r.terminal.screen().every((l) => l.toLowerCase().includes('get'))).toBe(true);

    r.controller.setView({ ...VIEW, timestamps: 'utc' });
    await r.settle();
    expect(r.terminal.screen()).toHaveLength(held);
    expect(r.terminal.screen()[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z api-\d /);
  });

  it('keeps only the newest lines when the number of lines kept goes down, and redraws them', async () => {
    const r = started(session({ lines: 300 }));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBeGreaterThan(150);
    r.controller.start(session({ lines: 300, follow: false }));
    const newest = r.controller
      .shownLines()
      .slice(-120)
      .map((l) => l.id);

    r.controller.setView({ ...VIEW, scrollback: 120 });
    await r.settle();
    expect(r.controller.getStatus().held).toBe(120);
    expect(r.controller.shownLines().map((l) => l.id)).toEqual(newest);
    r.controller.setView({ ...VIEW, scrollback: 120, timestamps: 'utc' });
    await r.settle();
    expect(r.terminal.screen()).toHaveLength(120);
  });

  it('asks the master for one instance like --instance', async () => {
    const r = started(session({ instance: 2 }));
    await expect.poll(async () => (await r.settle(), r.terminal.screen().length)).toBeGreaterThan(10);
    expect(r.terminal.screen().every((l) => l.startsWith('api-2 '))).toBe(true);
  });

  it('opens a paused snapshot without following, and Clear empties the view but keeps the stream', async () => {
    const r = started(session({ follow: false, lines: 20 }));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().connection)).toBe('paused');
    expect(r.controller.getStatus().held).toBe(20);
    r.controller.start(session({ lines: 20 }));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().connection)).toBe('live');
    const lastBefore = r.controller.shownLines().at(-1)?.id ?? '';
    r.controller.clear();
    await r.settle();
    expect(r.terminal.screen()).toEqual([]);
    await t.clock.advanceAsync(5_000, 250);
    await expect.poll(async () => (await r.settle(), r.terminal.screen().length)).toBeGreaterThan(0);
    // Only what came after the clear, from the very next line on.
    const ids = r.controller.shownLines().map((l) => l.id);
    await expectUnbrokenRun(ids);
    const all = await masterIds('/v1/services/production/null/api/container_logs');
    expect(all.indexOf(ids[0] ?? '')).toBe(all.indexOf(lastBefore) + 1);
  });

  it('follows a whole stack through the stack endpoint, every service prefixed', async () => {
    const r = started({ scope: SHOP, lines: 200, since: '', follow: true });
    // The backfilled window is one service's history; new lines come from all of them.
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBe(200);
    await t.clock.advanceAsync(10_000, 250);
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().names.length)).toBeGreaterThan(3);
    const names = r.controller.getStatus().names;
    expect(names.some((n) => n.startsWith('shop.web-'))).toBe(true);
    expect(names.some((n) => n.startsWith('shop.app-'))).toBe(true);
    await r.settle();
    expect(inTimeOrder(r.controller.shownLines())).toBe(true);
  });

  it('merges a whole grid’s lines into time order, each once and none missing, across a dropped stream', async () => {
    // The master's grid stream is ordered by id: each service's last second in turn, and
    // its first window service by service. The view must read top to bottom in time.
    const all = await t.api('GET', '/v1/grids/production/container_logs?limit=10000');
    const stored = (all.body as { logs: { created_at: string }[] }).logs.map((l) => Date.parse(l.created_at));
    expect(stored.some((at, i) => i > 0 && at < (stored[i - 1] ?? 0))).toBe(true);

    t.master.setFaults({ dropStreamsAfterMs: 2_500 });
    const r = started({ scope: PRODUCTION, lines: 500, since: '', follow: true }, { ...VIEW, timestamps: 'utc' });
    const seen = new Set<string>();
    const unsubscribe = r.controller.subscribe(() => seen.add(r.controller.getStatus().connection));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBeGreaterThanOrEqual(500);
    for (let i = 0; i < 8; i++) {
      await t.clock.advanceAsync(1_000, 250);
      await r.settle();
    }
    await r.settle();
    unsubscribe();
    expect(seen).toContain('reconnecting');

    const held = r.controller.shownLines();
    expect(new Set(held.map((l) => l.name.replace(/-\d+$/, ''))).size).toBeGreaterThan(3);
    expect(inTimeOrder(held)).toBe(true);
    expect(held.filter((l) => l.late)).toEqual([]);
    // Each line once, and every line of the master from the first one held on.
    const ids = held.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    await expectUnbrokenRun([...ids].sort(), '/v1/grids/production/container_logs');
    // The terminal reads the same, top to bottom.
    const stamps = r.terminal.screen().flatMap((row) => /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})Z /.exec(row)?.slice(1) ?? []);
    expect(stamps.length).toBe(held.length);
    expect(stamps).toEqual([...stamps].sort());
  });

  it('counts lines that arrive while the user is scrolled up, and clears the count at the end', async () => {
    const r = started(session());
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBe(100);
    r.terminal.atBottom = false;
    await t.clock.advanceAsync(5_000, 250);
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().newBelow)).toBeGreaterThan(0);
    expect(r.controller.getStatus().atBottom).toBe(false);
    r.terminal.atBottom = true;
    r.controller.jumpToEnd();
    expect(r.controller.getStatus()).toMatchObject({ newBelow: 0, atBottom: true });
  });

  it('reads the stream paced: it yields to the page once a slice of time is used up', async () => {
    let yields = 0;
    const pace: PaceOptions = {
      sliceMs: 0,
      yieldTask: () => {
        yields++;
        return Promise.resolve();
      },
    };
    const r = started(session(), VIEW, pace);
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().held)).toBe(100);
    expect(yields).toBeGreaterThan(0);
  });

  it('stops with the reason when the service does not exist', async () => {
    const r = started(session({ scope: { kind: 'service', ref: { grid: 'production', stack: 'null', name: 'nope' } } }));
    await expect.poll(async () => (await r.settle(), r.controller.getStatus().connection)).toBe('error');
    expect(r.controller.getStatus().error).toBeTruthy();
  });
});

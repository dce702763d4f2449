// Log tail bench (docs/architecture.md budgets, docs/performance-notes.md §2, §6, §7.4(c)).
//
// The production build in dist/ is served by server/serve.ts, proxying to a small
// "fast master" in this file: it answers the log stream of production/null/redis with
// synthetic lines at a chosen rate (or as fast as the socket takes them) and passes
// every other request to the simulated master (server/mock-master.ts). The app reads
// the stream exactly as it reads a real master's: fetch → splitter → held ring →
// formatting → frame-batched, flow-controlled writes into xterm (DOM renderer).
//
// The app's perf probe (src/lib/perf-probe.ts) is switched on by defining
// `window.__kontenaPerf` before the app loads; it counts lines ingested and shown and
// keeps weak references to the terminals made. Wall-clock figures are noisy on these
// 2-core boxes (§6.1): CPU time comes from the DevTools protocol, counts are exact.
//
// Run alone: `node bench/logs.mjs [--dist <dir>]` (defaults to dist/).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBenchStack } from './harness.mjs';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const LOG_PATH = '/v1/services/production/null/redis/container_logs';
const PAGE = '/grids/production/services/null/redis/logs';
const VIEWPORT = { width: 1920, height: 1080 };

// ── the fast master ──────────────────────────────────────────────────────────

/** What every open log stream sends now: idle (keep-alives), a paced rate, or a burst. */
const feed = { mode: 'idle', rate: 0, remaining: 0 };
let nextId = 1;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const PATHS = ['/api/v1/orders', '/api/v1/users/4411', '/healthz', '/assets/application-3f1a.js', '/api/v1/carts?page=3&per_page=50'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64)', 'curl/7.52.1', 'Go-http-client/1.1', 'Prometheus/1.5.2'];

/** The data of a line: about 100 characters, every tenth coloured; 600 variants, escaped once. */
const DATA_JSON = Array.from({ length: 600 }, (_, n) => {
  const status = n % 17 === 0 ? 500 : n % 5 === 0 ? 304 : 200;
  let data = `10.81.${n % 4}.${n % 250} - - [24/Nov/2026:04:43:47 +0000] "GET ${PATHS[n % PATHS.length]} HTTP/1.1" ${status} ${(n * 37) % 9000} "-" "${AGENTS[n % AGENTS.length]}" rt=0.${String(n % 1000).padStart(3, '0')}`;
  if (n % 10 === 0) data = `\u001b[33m${data}\u001b[0m`;
  return JSON.stringify(data);
});

/**
 * One LogJson record (docs/kontena-api.md §4.11) of instance redis-1…3, every twentieth on
 * stderr. Built by concatenation so the harness spends little CPU of its own.
 */
function logJson(n, createdAt) {
  const id = `5e00${n.toString(16).padStart(20, '0')}`;
  return `{"id":"${id}","name":"redis-${(n % 3) + 1}","container_id":"5e0000000000000000000001","service":{"id":"production/null/redis","name":"redis"},"stack":{"id":"production/null","name":"null"},"grid":{"id":"production","name":"production"},"node":{"name":"prod-node-1"},"created_at":"${createdAt}","type":"${n % 20 === 0 ? 'stderr' : 'stdout'}","data":${DATA_JSON[n % DATA_JSON.length]}}`;
}

/** Resolves when the response can take more (or is gone); leaves no listener behind. */
function drained(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function serveLogStream(req, res) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.flushHeaders();
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const write = async (text) => {
    if (!res.write(text)) await drained(res);
  };
  let last = process.hrtime.bigint();
  let owed = 0;
  while (!closed) {
    if (feed.mode === 'burst' && feed.remaining > 0) {
      let chunk = '';
      const at = new Date().toISOString();
      while (chunk.length < 64 * 1024 && feed.remaining > 0) {
        chunk += logJson(nextId++, at);
        feed.remaining--;
      }
      await write(chunk);
      continue;
    }
    if (feed.mode === 'rate') {
      const now = process.hrtime.bigint();
      owed += (Number(now - last) / 1e9) * feed.rate;
      last = now;
      let chunk = '';
      const at = new Date().toISOString();
      for (; owed >= 1; owed--) chunk += logJson(nextId++, at);
      if (chunk !== '') await write(chunk);
      await sleep(5);
      continue;
    }
    last = process.hrtime.bigint();
    owed = 0;
    await write(' ');
    await sleep(100);
  }
}

/** The reference page: bare xterm from node_modules, no app, no CSP in the way of its styles. */
const REF_FILES = {
  '/__ref/': [
    'text/html',
    () =>
      '<!doctype html><title>raw xterm</title><link rel="stylesheet" href="xterm.css"><script type="module">import { Terminal } from "./xterm.mjs"; window.RefTerminal = Terminal;</script>',
  ],
  '/__ref/xterm.mjs': ['text/javascript', () => fs.readFileSync(path.join(root, 'node_modules/@xterm/xterm/lib/xterm.mjs'))],
  '/__ref/xterm.css': ['text/css', () => fs.readFileSync(path.join(root, 'node_modules/@xterm/xterm/css/xterm.css'))],
};

function startFastMaster(upstream) {
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const ref = REF_FILES[url.pathname];
    if (ref) {
      res.writeHead(200, { 'Content-Type': ref[0] });
      res.end(ref[1]());
      return;
    }
    if (url.pathname === LOG_PATH && url.searchParams.has('follow')) {
      void serveLogStream(req, res);
      return;
    }
    const proxied = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    proxied.on('error', () => res.destroy());
    req.pipe(proxied);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ── page-side collectors ─────────────────────────────────────────────────────

function installProbe() {
  const probe = {
    terminals: [],
    counters: {},
    first: {},
    last: {},
    count(name, n) {
      const t = performance.now();
      this.counters[name] = (this.counters[name] ?? 0) + n;
      this.first[name] ??= t;
      this.last[name] = t;
    },
    reset() {
      this.counters = {};
      this.first = {};
      this.last = {};
    },
    frames: { on: false, prev: 0, gaps: [] },
    longTasks: [],
  };
  window.__kontenaPerf = probe;
  const loop = (t) => {
    const f = probe.frames;
    if (f.on) {
      if (f.prev > 0) f.gaps.push(t - f.prev);
      f.prev = t;
    } else f.prev = 0;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (probe.frames.on) probe.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // no long-task observer: frame gaps still tell
  }
}

/** Starts collecting frame gaps and long tasks (and, with `reset`, zeroes the counters). */
const startFrames = (page, reset) =>
  page.evaluate((resetCounters) => {
    const p = window.__kontenaPerf;
    if (resetCounters) p.reset();
    p.frames.gaps = [];
    p.longTasks = [];
    p.frames.on = true;
  }, reset);

/** Stops collecting; the frame gaps (ms) and long tasks seen since `startFrames`. */
const stopFrames = (page) =>
  page.evaluate(() => {
    const p = window.__kontenaPerf;
    p.frames.on = false;
    const gaps = [...p.frames.gaps].sort((x, y) => x - y);
    return {
      n: gaps.length,
      max: gaps.at(-1) ?? 0,
      p50: gaps[Math.floor(gaps.length * 0.5)] ?? 0,
      p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
      longTasks: p.longTasks.length,
      maxLongTask: Math.max(0, ...p.longTasks),
    };
  });

const counters = (page) =>
  page.evaluate(() => ({
    ...window.__kontenaPerf.counters,
    first: { ...window.__kontenaPerf.first },
    last: { ...window.__kontenaPerf.last },
  }));

async function taskDuration(cdp) {
  return (await threadMetrics(cdp)).TaskDuration;
}

/** Main-thread time by kind (seconds, thread ticks), from the DevTools protocol. */
async function threadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const pick = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    TaskDuration: pick('TaskDuration'),
    ScriptDuration: pick('ScriptDuration'),
    LayoutDuration: pick('LayoutDuration'),
    RecalcStyleDuration: pick('RecalcStyleDuration'),
  };
}

const metricDelta = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, Math.round((b[k] - a[k]) * 1000)]));

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return { used: h.usedSize, backing: h.backingStorageSize ?? 0, embedder: h.embedderHeapUsedSize ?? 0 };
}

/** Waits until `fn` (polled) returns true, or throws after `ms`. */
async function until(fn, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await sleep(100);
  }
  throw new Error(`bench: timed out waiting for ${what}`);
}

/** Waits until a counter stops moving for `quietMs`. */
async function settled(page, name, quietMs = 600, ms = 120_000) {
  let prev = -1;
  let since = Date.now();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const c = (await counters(page))[name] ?? 0;
    if (c !== prev) {
      prev = c;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return c;
    await sleep(100);
  }
  return prev;
}

/** Live instances of the prototype of the first registered terminal (and of its core). */
async function liveTerminals(cdp) {
  const count = async (expression) => {
    const proto = await cdp.send('Runtime.evaluate', { expression });
    if (!proto.result.objectId) return null;
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const len = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return len.result.value;
  };
  const first = '(window.__kontenaPerf.terminals.map((r) => r.deref()).find(Boolean))';
  return {
    terminal: await count(`Object.getPrototypeOf(${first})`),
    core: await count(`Object.getPrototypeOf(${first}._core)`),
    registry: await cdp
      .send('Runtime.evaluate', { expression: 'window.__kontenaPerf.terminals.filter((r) => r.deref()).length', returnByValue: true })
      .then((r) => r.result.value),
    made: await cdp
      .send('Runtime.evaluate', { expression: 'window.__kontenaPerf.terminals.length', returnByValue: true })
      .then((r) => r.result.value),
  };
}

/** Raw batched xterm: the same xterm build, no app around it, batched per frame with flow control. */
function rawXtermReference(total) {
  return new Promise((resolve) => {
    const Terminal = window.RefTerminal;
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;left:0;top:0;width:1600px;height:700px;z-index:99999;background:#000';
    document.body.appendChild(host);
    const term = new Terminal({ cols: 200, rows: 40, scrollback: 10000, disableStdin: true });
    term.open(host);
    const line = (n) =>
      `\u001b[90m2026-11-24 04:43:47.123\u001b[39m \u001b[36mredis-${(n % 3) + 1}\u001b[39m \u001b[90m│\u001b[39m 10.81.${n % 4}.${n % 250} - - [24/Nov/2026:04:43:47 +0000] "GET /api/v1/orders HTTP/1.1" 200 ${(n * 37) % 9000} "-" "curl/7.52.1" rt=0.012\u001b[0m\r\n`;
    let i = 0;
    let inFlight = 0;
    let acked = 0;
    let queued = false;
    const t0 = performance.now();
    // The app's writer without the app: a batch a frame, ≤ 256 KB in flight, and the
    // next batch on acknowledgement while a backlog waits.
    const writeBatch = () => {
      queued = false;
      if (inFlight >= 256 * 1024 || i >= total) return;
      let chunk = '';
      let n = 0;
      while (chunk.length < 128 * 1024 && i < total) {
        chunk += line(i++);
        n++;
      }
      inFlight += chunk.length;
      term.write(chunk, () => {
        inFlight -= chunk.length;
        acked += n;
        if (acked === total) {
          const ms = performance.now() - t0;
          host.remove();
          resolve({ lines: total, ms });
        } else if (!queued) {
          queued = true;
          queueMicrotask(writeBatch);
        }
      });
    };
    const frame = () => {
      if (!queued) writeBatch();
      if (i < total) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

// ── the run ──────────────────────────────────────────────────────────────────

export async function benchLogs({ distDir = path.join(root, 'dist'), print = console.log } = {}) {
  const loadBefore = os.loadavg()[0];
  let fast;
  const stack = await startBenchStack({
    distDir,
    upstreamFor: async (mockUrl) => {
      fast = await startFastMaster(mockUrl);
      return `http://127.0.0.1:${fast.address().port}`;
    },
  });
  const { web, token } = stack;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  const out = {};
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    const cspErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

    await page.goto(`${web.url}/sign-in`);
    await page.getByRole('tab', { name: /token/i }).click();
    await page.getByLabel(/access token/i).fill(token);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/grids\/[^/]+/);
    await page.goto(`${web.url}${PAGE}?lines=1`);
    await page.getByRole('status', { name: 'Stream live' }).waitFor();
    await sleep(1000);
    const baseline = await heap(cdp);

    // Warm-up (discarded, §7.3): JIT, caches and the proxy path get going.
    const WARM_UP = 30_000;
    await page.evaluate(() => window.__kontenaPerf.reset());
    feed.mode = 'burst';
    feed.remaining = WARM_UP;
    await until(async () => ((await counters(page))['logs.ingested'] ?? 0) >= WARM_UP, 180_000, 'the warm-up burst');
    await settled(page, 'logs.shown');
    feed.mode = 'idle';

    // 1. Burst: 200,000 lines as fast as the socket takes them.
    const BURST = 200_000;
    await startFrames(page, true);
    const m0 = await threadMetrics(cdp);
    feed.mode = 'burst';
    feed.remaining = BURST;
    await until(async () => ((await counters(page))['logs.ingested'] ?? 0) >= BURST, 180_000, 'the burst to be ingested');
    await settled(page, 'logs.shown');
    const m1 = await threadMetrics(cdp);
    feed.mode = 'idle';
    const burstFrames = await stopFrames(page);
    const b = await counters(page);
    out.burst = {
      lines: BURST,
      ingestedPerSec: (b['logs.ingested'] / (b.last['logs.ingested'] - b.first['logs.ingested'])) * 1000,
      shown: b['logs.shown'],
      shownPerSec: (b['logs.shown'] / (b.last['logs.shown'] - b.first['logs.shown'])) * 1000,
      // From the first line in to the burst's newest line on screen: the rate at which the
      // view stays current, which is what raw xterm's rate (every line written) compares with.
      keptUpPerSec: (BURST / (b.last['logs.shown'] - b.first['logs.ingested'])) * 1000,
      cpuMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
      mainThreadMs: metricDelta(m0, m1),
      frames: burstFrames,
    };
    const afterBurst = await heap(cdp);

    // 2. Paced 5,000 lines/s: frame gaps over 8 s after a 2 s warm-up.
    await page.evaluate(() => window.__kontenaPerf.reset());
    feed.mode = 'rate';
    feed.rate = 5000;
    await sleep(2000);
    const before = await counters(page);
    await startFrames(page, false);
    const pacedCpu0 = await taskDuration(cdp);
    await sleep(8000);
    const frames = await stopFrames(page);
    const pacedCpu1 = await taskDuration(cdp);
    const after = await counters(page);
    feed.mode = 'idle';
    out.paced = {
      rate: 5000,
      ...frames,
      ingestedPerSec: ((after['logs.ingested'] ?? 0) - (before['logs.ingested'] ?? 0)) / 8,
      shownPerSec: ((after['logs.shown'] ?? 0) - (before['logs.shown'] ?? 0)) / 8,
      cpuShare: (pacedCpu1 - pacedCpu0) / 8,
    };
    await settled(page, 'logs.shown');

    // 3. One million lines, then the heap after GC.
    const MILLION = 1_000_000;
    await page.evaluate(() => window.__kontenaPerf.reset());
    feed.mode = 'burst';
    feed.remaining = MILLION;
    await until(async () => ((await counters(page))['logs.ingested'] ?? 0) >= MILLION, 600_000, 'a million lines to be ingested');
    await settled(page, 'logs.shown');
    feed.mode = 'idle';
    const m = await counters(page);
    out.million = {
      ingestedPerSec: (m['logs.ingested'] / (m.last['logs.ingested'] - m.first['logs.ingested'])) * 1000,
      heap: await heap(cdp),
      held: Number((/^([\d,]+)/.exec((await page.getByText(/^\d[\d,]* lines? held/).textContent()) ?? '')?.[1] ?? '0').replace(/,/g, '')),
    };
    out.heapBaseline = baseline;
    out.heapAfterBurst = afterBurst;

    // 4. Open and close the log view 20 times, then count live terminals after GC.
    const tabs = page.getByRole('navigation', { name: 'Service sections' });
    for (let i = 0; i < 20; i++) {
      await tabs.getByRole('link', { name: 'Overview' }).click();
      await page.locator('.xterm').waitFor({ state: 'detached' });
      await tabs.getByRole('link', { name: 'Logs' }).click();
      await page.getByRole('status', { name: 'Stream live' }).waitFor();
    }
    await tabs.getByRole('link', { name: 'Overview' }).click();
    await page.locator('.xterm').waitFor({ state: 'detached' });
    await heap(cdp);
    out.lifecycle = { cycles: 20, ...(await liveTerminals(cdp)) };
    out.cspErrors = cspErrors.length;

    // 5. Raw batched xterm in the same run (a fresh page of the fast master's origin).
    const ref = await context.newPage();
    const refCdp = await context.newCDPSession(ref);
    await refCdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await ref.goto(`http://127.0.0.1:${fast.address().port}/__ref/`);
    await ref.waitForFunction(() => typeof window.RefTerminal === 'function');
    const r0 = await threadMetrics(refCdp);
    const raw = await ref.evaluate(rawXtermReference, BURST);
    const r1 = await threadMetrics(refCdp);
    out.raw = {
      linesPerSec: (raw.lines / raw.ms) * 1000,
      cpuMs: (r1.TaskDuration - r0.TaskDuration) * 1000,
      mainThreadMs: metricDelta(r0, r1),
    };
    await ref.close();
  } finally {
    await browser.close();
    await stack.close();
    await new Promise((r) => fast.close(r));
    fast.closeAllConnections?.();
  }

  out.load = { before: loadBefore, after: os.loadavg()[0] };
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const k = (n) => `${Math.round(n).toLocaleString('en-US')}`;
  const halfRaw = out.raw.linesPerSec / 2;
  const rows = [
    ['burst: lines/s ingested', `${k(out.burst.ingestedPerSec)}/s`, '≥ 20,000/s', out.burst.ingestedPerSec >= 20_000],
    ['burst: lines/s, newest on screen', `${k(out.burst.keptUpPerSec)}/s`, `≥ ½ raw (${k(halfRaw)}/s)`, out.burst.keptUpPerSec >= halfRaw],
    ['burst: lines/s written to xterm', `${k(out.burst.shownPerSec)}/s`, 'info', true],
    ['raw batched xterm, same run', `${k(out.raw.linesPerSec)}/s`, 'reference', true],
    ['5,000/s: longest frame gap', `${Math.round(out.paced.max)} ms`, '≤ 100 ms (soft)', out.paced.max <= 100],
    ['1,000,000 lines: JS heap', mb(out.million.heap.used), 'bounded', true],
    [
      '20 open/close: live Terminals',
      `${out.lifecycle.terminal}`,
      '≤ 1 (one per page)',
      out.lifecycle.terminal !== null && out.lifecycle.terminal <= 1 && out.lifecycle.core <= 1,
    ],
    ['CSP violations', `${out.cspErrors}`, '0', out.cspErrors === 0],
  ];
  print('\nLog tail (production build, DOM renderer, 1920×1080, headless Chromium)');
  for (const [name, value, budget, ok] of rows)
    print(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(34)} ${value.padStart(12)}   ${budget === 'info' ? '' : `budget ${budget}`}`);
  print('  "newest on screen": 200,000 lines ÷ the time from the first line in to the last one on screen. The view drops waiting');
  print('  lines that would scroll out of the 10,000-line scrollback before anyone saw them (the screen and scrollback end up the same),');
  print('  so it writes fewer lines than raw xterm; it is judged by when its screen is current, against raw xterm writing every line.');
  const perCpu = (lines, ms) => k((lines / ms) * 1000);
  print(
    `  per second of main-thread CPU (§6.2: stable where wall-clock is not): app ingests ${perCpu(out.burst.lines, out.burst.cpuMs)} lines (and shows ${perCpu(out.burst.shown, out.burst.cpuMs)} of them meanwhile), raw xterm shows ${perCpu(out.burst.lines, out.raw.cpuMs)}`,
  );
  print(
    `  burst ${k(out.burst.lines)} lines: ${k(out.burst.shown)} written to xterm, the rest skipped as scrolled past unseen; main-thread CPU ${k(out.burst.cpuMs)} ms (raw xterm ${k(out.raw.cpuMs)} ms for the same count: ${JSON.stringify(out.raw.mainThreadMs)})` +
      `; frames during it n=${out.burst.frames.n} p50 ${out.burst.frames.p50.toFixed(1)} ms max ${Math.round(out.burst.frames.max)} ms; main thread ms: ${JSON.stringify(out.burst.mainThreadMs)}`,
  );
  print(
    `  5,000/s for 8 s: ${k(out.paced.ingestedPerSec)}/s in, ${k(out.paced.shownPerSec)}/s shown; frames n=${out.paced.n} p50 ${out.paced.p50.toFixed(1)} ms p95 ${out.paced.p95.toFixed(1)} ms max ${out.paced.max.toFixed(1)} ms; long tasks ${out.paced.longTasks} (max ${Math.round(out.paced.maxLongTask)} ms); main thread ${(out.paced.cpuShare * 100).toFixed(0)} % of a core`,
  );
  const heapLine = (h) => `used ${mb(h.used)} + ArrayBuffers ${mb(h.backing)} + embedder ${mb(h.embedder)}`;
  print(
    `  heap after GC — loaded: ${heapLine(out.heapBaseline)}; after 200k: ${heapLine(out.heapAfterBurst)}; after 1.2M: ${heapLine(out.million.heap)} (${k(out.million.held)} lines held, ingest ${k(out.million.ingestedPerSec)}/s)`,
  );
  if (Math.max(out.load.before, out.load.after) > 1) {
    print(
      `  note: 1-min load average ${out.load.before.toFixed(1)} → ${out.load.after.toFixed(1)} on ${os.cpus().length} cores: other work shared the CPUs, rates and frame gaps are low by an unknown factor (docs/performance-notes.md §7.1 asks for ≤ 0.5)`,
    );
  }
  print(
    `  terminals made ${out.lifecycle.made}, alive after 20 cycles + GC: Terminal ${out.lifecycle.terminal}, core ${out.lifecycle.core}, registry ${out.lifecycle.registry}`,
  );
  // Soft rows warn (OVER is printed) but do not count against the run.
  const over = rows.filter((r) => !r[3] && !r[2].includes('soft')).length;
  return { ok: over === 0, over, figures: out };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--dist');
  const distDir = i >= 0 ? path.resolve(process.argv[i + 1]) : undefined;
  benchLogs({ distDir }).then(
    (r) => process.exit(r.ok ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

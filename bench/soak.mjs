#!/usr/bin/env node
// Wall soak: 24 h of simulated time on the wall screen, in well under an hour of real time,
// and its memory at the start (after warm-up) and at the end. docs/architecture.md budgets: JS heap
// growth ≤ 10 MB, DOM nodes and listeners flat, renderer memory growth ≤ 10 %.
//
// How time is simulated (docs/performance-notes.md §7.6, "accelerated variant"): the page runs on a
// fake clock (Date, setTimeout/setInterval, requestAnimationFrame; installed before the
// app's first script) and the mock master on the simulator's fake clock (createFakeClock).
// The bench moves both forward together, one refresh interval at a time, and after each
// step lets the real network, parsing and React rendering finish (no page timer runs
// meanwhile), so every poll of the 24 hours really happens: ~8,640 refreshes of each wall
// query, the wall's 2-hour token refreshed by itself 12 times, a screen rotation every
// minute, the master's deploys, scheduler and node churn. It does not reproduce real-time
// behaviour (GC pacing, raster, native memory over wall-clock days); the nightly real-time
// soak of §7.6 covers that.
//
// The page is driven over a bare DevTools pipe, not Playwright: Playwright keeps the
// Network domain enabled (the renderer then keeps a record and a body buffer of every
// request: ~300 B of heap and ~5 KB of RSS per poll, 35 MB / 600 MB over 24 h here) and adds
// an init script per clock call; both grow with the number of steps and would be measured
// as the app's. Here no domain that records anything is enabled; requests are counted by a
// wrapper around fetch installed with the fake clock.
//
// Usage: `npm run bench -- --soak` (bench/run.mjs starts it after the bundle figures), or
//   node --import tsx bench/soak.mjs [--dist dist] [--hours 24] [--refresh 10] [--rotate 60]
//                                    [--warmup 1] [--every 2] [--json out.json]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFakeClock } from '../src/simulator/engine/clock.ts';
import { SESSION_KEY, sessionFromToken, startBenchStack } from './harness.mjs';

const HOUR = 3_600_000;
const MB = 1024 * 1024;
/** The master's time when the soak starts (the demo scenario's usual epoch). */
const T0 = Date.UTC(2017, 3, 6, 12, 0, 0);

export const SOAK_BUDGETS = {
  heapGrowthBytes: 10 * MB,
  /** "flat": windowed medians within this fraction of the warm baseline (§9 f). */
  countDrift: 0.05,
  rssGrowth: 0.1,
};

/**
 * Installed before the app's first script: a fake clock the bench steps, a count of
 * requests (and of response bodies being read) for "the network is quiet", and errors.
 */
function pageHarness(t0, origin, session) {
  return `(() => {
  if (window.__soak) return;
  const realSetTimeout = window.setTimeout.bind(window);
  const realNow = () => performance.now();
  const RealDate = window.Date;
  let now = ${t0};
  let nextId = 1;
  const timers = new Map();
  const schedule = (fn, ms, args, every) => {
    const id = nextId++;
    const delay = Math.max(0, Number(ms) || 0);
    timers.set(id, { id, at: now + delay, fn, args, every: every ? Math.max(1, delay) : 0 });
    return id;
  };
  const clear = (id) => { timers.delete(id); };
  window.setTimeout = (fn, ms, ...args) => schedule(fn, ms, args, false);
  window.setInterval = (fn, ms, ...args) => schedule(fn, ms, args, true);
  window.clearTimeout = clear;
  window.clearInterval = clear;
  window.requestAnimationFrame = (cb) => schedule(() => cb(realNow()), 16, [], false);
  window.cancelAnimationFrame = clear;
  class FakeDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now); else super(...args); }
    static now() { return now; }
  }
  window.Date = FakeDate;

  const S = { inflight: 0, requests: 0, errors: 0, lastError: '' };
  const realFetch = window.fetch.bind(window);
  window.fetch = (...args) => {
    S.inflight++; S.requests++;
    return realFetch(...args).finally(() => { S.inflight--; });
  };
  for (const name of ['text', 'json', 'arrayBuffer']) {
    const read = Response.prototype[name];
    Response.prototype[name] = function (...args) {
      S.inflight++;
      return read.apply(this, args).finally(() => { S.inflight--; });
    };
  }
  window.addEventListener('error', (e) => { S.errors++; S.lastError = String(e.message).slice(0, 200); });
  window.addEventListener('unhandledrejection', (e) => { S.errors++; S.lastError = String(e.reason).slice(0, 200); });

  /** Fires every timer due within ms, in time order (timers may add timers), like the simulator's FakeClock. */
  S.advance = (ms) => {
    const target = now + ms;
    for (;;) {
      let due = null;
      for (const t of timers.values()) if (t.at <= target && (due === null || t.at < due.at || (t.at === due.at && t.id < due.id))) due = t;
      if (due === null) break;
      now = Math.max(now, due.at);
      if (due.every) due.at += due.every; else timers.delete(due.id);
      // String handlers would need eval, which the app's CSP forbids anyway.
      try { if (typeof due.fn === 'function') due.fn(...due.args); }
      catch (e) { S.errors++; S.lastError = String(e && e.message).slice(0, 200); }
    }
    now = target;
  };
  /** Resolves once nothing has been in flight for 15 ms of real time (or after 15 s). */
  S.idle = () => new Promise((resolve) => {
    const start = realNow();
    let quietSince = realNow();
    const check = () => {
      if (S.inflight > 0) quietSince = realNow();
      if (realNow() - quietSince >= 15) resolve(true);
      else if (realNow() - start > 15000) resolve(false);
      else realSetTimeout(check, 2);
    };
    realSetTimeout(check, 2);
  });
  S.step = (ms) => { S.advance(ms); return S.idle(); };
  S.now = () => now;
  S.timers = () => timers.size;
  window.__soak = S;

  if (location.origin === ${JSON.stringify(origin)} && localStorage.getItem(${JSON.stringify(SESSION_KEY)}) === null) {
    localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(JSON.stringify(session))});
  }
})();`;
}

/** Chromium over --remote-debugging-pipe: NUL-separated JSON on fds 3 (in) and 4 (out). */
function launchChromium(executablePath, args) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-soak-'));
  const child = spawn(executablePath, [...args, '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const writer = child.stdio[3];
  const reader = child.stdio[4];
  const decoder = new StringDecoder('utf8');
  const pending = new Map();
  let buffer = '';
  let nextId = 1;
  reader.on('data', (chunk) => {
    buffer += decoder.write(chunk);
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (waiting === undefined) continue;
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  });
  // A browser that dies (crash, OOM kill) answers nothing more: fail what waits for it instead of hanging the soak.
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      for (const waiting of pending.values()) waiting.reject(new Error(`${waiting.method}: Chromium exited (${signal ?? code})`));
      pending.clear();
      resolve();
    }),
  );
  return {
    pid: child.pid,
    send(method, params = {}, sessionId) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`${method}: Chromium is not running`));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, method });
        writer.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    async close() {
      try {
        await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]);
      } catch {
        // already gone
      }
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      try {
        // Helper processes may still be writing into the profile for a moment after the browser exits.
        fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {
        // a temporary directory left behind is not worth failing the run for
      }
    },
  };
}

/** Sum of VmRSS (bytes) of the renderer processes below `rootPid`. */
function rendererRssBytes(rootPid) {
  const parent = new Map();
  const cmdline = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmdline.set(Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // the process ended while being read
    }
  }
  const isUnder = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 16; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  let found = false;
  for (const [pid, cmd] of cmdline) {
    if (!cmd.includes('--type=renderer') || !isUnder(pid)) continue;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
      found = true;
    } catch {
      // gone
    }
  }
  return found ? total : null;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const fmtMB = (bytes) => `${(bytes / MB).toFixed(2)} MB`;

/** Runs the soak; `distDir` is a production build (serve.ts serves it as in production). */
export async function runSoak({ distDir, hours = 24, refreshS = 10, rotateS = 60, warmupH = 1, everyH = 2, log = console.log } = {}) {
  const stepMs = refreshS * 1000;
  const masterClock = createFakeClock(T0);
  const stack = await startBenchStack({ distDir, simulator: { clock: masterClock } });
  const { web } = stack;
  const browser = launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', [
    '--headless',
    '--no-sandbox',
    '--no-first-run',
    '--disable-gpu',
    '--disable-sync',
    '--disable-component-update',
    '--disable-background-networking',
    '--mute-audio',
    '--hide-scrollbars',
    '--window-size=1920,1080',
    // docs/performance-notes.md §7.1: no background throttling.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
  const started = Date.now();
  try {
    // A token that expires in 2 h, with a refresh token: the wall must renew it by itself, 12 times a day.
    const { code } = (await stack.api('POST', '/oauth2/authorize', { response_type: 'code', scope: 'user', expires_in: 7200 })).body;
    const token = (await stack.api('POST', '/oauth2/token', { grant_type: 'authorization_code', code }, null)).body;
    const session = sessionFromToken(token, { now: T0, remember: true });

    const { product } = await browser.send('Browser.getVersion');
    let target;
    for (let i = 0; i < 50 && target === undefined; i++) {
      target = (await browser.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page');
      if (target === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    if (target === undefined) throw new Error('Chromium opened no page');
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
    const send = (method, params) => browser.send(method, params, sessionId);
    const evaluate = async (expression) => {
      const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    };

    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', { width: 1920, height: 1080, deviceScaleFactor: 1, mobile: false });
    await send('Page.addScriptToEvaluateOnNewDocument', { source: pageHarness(T0, new URL(web.url).origin, session) });
    const wallPath = `/wall?refresh=${refreshS}s&rotate=${rotateS}s&by=grid`;
    await send('Page.navigate', { url: `${web.url}${wallPath}` });

    // Boot: the app's answers reach React through 0 ms timers, so the clock must tick.
    const bootUntil = Date.now() + 60_000;
    for (;;) {
      const ready = await evaluate(
        `window.__soak ? window.__soak.step(100).then(() => document.querySelectorAll('main > ul > li').length) : -1`,
      ).catch(() => -1);
      if (ready > 0) break;
      if (Date.now() > bootUntil) throw new Error('the wall did not show tiles within a minute');
      await new Promise((r) => setTimeout(r, 100));
    }
    let pageNow = await evaluate('window.__soak.now()');
    masterClock.advance(Math.max(0, pageNow - masterClock.now()));

    /** One refresh interval: the master's clock, then the page's, then the real network until quiet. */
    const advance = async (ms) => {
      for (let left = ms; left > 0; left -= stepMs) {
        const step = Math.min(stepMs, left);
        await masterClock.advanceAsync(step, 1_000);
        await evaluate(`window.__soak.step(${step})`);
        pageNow += step;
      }
    };

    /** A quiescent point for counting: the last answers rendered, nothing in flight. */
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        masterClock.advance(1);
        await evaluate('window.__soak.step(1)');
        pageNow += 1;
      }
    };

    const sample = async (label) => {
      await settle();
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      const heap = await send('Runtime.getHeapUsage');
      const dom = await send('Memory.getDOMCounters');
      const page = await evaluate(`({
        perfEntries: performance.getEntriesByType('mark').length + performance.getEntriesByType('measure').length,
        screen: document.querySelector('h1')?.textContent ?? '',
        tiles: document.querySelectorAll('main > ul > li').length,
        signedOut: document.body.textContent.includes('This wall screen is signed out'),
        requests: window.__soak.requests,
        pageTimers: window.__soak.timers(),
        errors: window.__soak.errors,
        lastError: window.__soak.lastError,
      })`);
      const row = {
        label,
        simulatedH: Number(((pageNow - T0) / HOUR).toFixed(2)),
        heapBytes: heap.usedSize + (heap.backingStorageSize ?? 0) + (heap.embedderHeapUsedSize ?? 0),
        usedBytes: heap.usedSize,
        backingBytes: heap.backingStorageSize ?? 0,
        embedderBytes: heap.embedderHeapUsedSize ?? 0,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
        documents: dom.documents,
        rendererRssBytes: rendererRssBytes(browser.pid),
        realS: Math.round((Date.now() - started) / 1000),
        ...page,
      };
      log(
        `  ${row.label.padEnd(6)} t=${String(row.simulatedH).padStart(5)} h  heap ${fmtMB(row.heapBytes).padStart(9)} (js ${fmtMB(row.usedBytes)}, embedder ${fmtMB(row.embedderBytes)})` +
          `  nodes ${String(row.nodes).padStart(5)}  listeners ${String(row.listeners).padStart(4)}  renderer ${row.rendererRssBytes === null ? 'n/a' : fmtMB(row.rendererRssBytes)}  timers ${row.pageTimers}  tiles ${row.tiles}  requests ${row.requests}  (${row.realS} s)`,
      );
      return row;
    };

    log(
      `wall soak: ${hours} h simulated, refresh ${refreshS} s, rotation every ${rotateS} s by grid, 1920×1080, ${path.relative(process.cwd(), distDir) || distDir}`,
    );
    await advance(warmupH * HOUR);
    const samples = [await sample('start')];
    for (let h = warmupH; h < hours;) {
      const next = Math.min(hours, h + everyH);
      await advance((next - h) * HOUR);
      h = next;
      samples.push(await sample(h >= hours ? 'end' : `${h} h`));
    }

    // Polling in a background tab: the wall keeps its pace when the page is hidden.
    const before = samples.at(-1).requests;
    await evaluate(`(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    })()`);
    await advance(10 * 60_000);
    const hiddenRequestsPer10Min = (await evaluate('window.__soak.requests')) - before;
    const visibleHours = samples.at(-1).simulatedH - samples[0].simulatedH;
    const visibleRequestsPer10Min = visibleHours > 0 ? Math.round((samples.at(-1).requests - samples[0].requests) / (visibleHours * 6)) : 0;

    return {
      samples,
      hiddenRequestsPer10Min,
      visibleRequestsPer10Min,
      realSeconds: Math.round((Date.now() - started) / 1000),
      chromium: product,
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}

/** Verdicts against the docs/architecture.md budgets: [name, value, budget, ok]. */
export function judgeSoak({ samples, hiddenRequestsPer10Min, visibleRequestsPer10Min }) {
  const start = samples[0];
  const end = samples.at(-1);
  // DOM counts depend on what is on screen: compare samples of the same screen (rotation).
  const drift = (key) => {
    let worst = 0;
    const screens = new Map();
    for (const s of samples) screens.set(s.screen, [...(screens.get(s.screen) ?? []), s]);
    for (const group of screens.values()) {
      if (group.length < 2) continue;
      const third = Math.max(1, Math.floor(group.length / 3));
      const a = median(group.slice(0, third).map((s) => s[key]));
      const b = median(group.slice(-third).map((s) => s[key]));
      const d = a === 0 ? 0 : (b - a) / a;
      if (Math.abs(d) > Math.abs(worst)) worst = d;
    }
    return worst;
  };
  const rows = [
    [
      'JS heap growth (used + backing + embedder)',
      `${fmtMB(start.heapBytes)} → ${fmtMB(end.heapBytes)} (${fmtMB(end.heapBytes - start.heapBytes)})`,
      '≤ 10 MB',
      end.heapBytes - start.heapBytes <= SOAK_BUDGETS.heapGrowthBytes,
    ],
    [
      'DOM nodes (median first → last third, same screen)',
      `${start.nodes} → ${end.nodes} (${(drift('nodes') * 100).toFixed(1)} %)`,
      'flat ± 5 %',
      Math.abs(drift('nodes')) <= SOAK_BUDGETS.countDrift,
    ],
    [
      'event listeners (median first → last third, same screen)',
      `${start.listeners} → ${end.listeners} (${(drift('listeners') * 100).toFixed(1)} %)`,
      'flat ± 5 %',
      Math.abs(drift('listeners')) <= SOAK_BUDGETS.countDrift,
    ],
  ];
  if (start.rendererRssBytes !== null && end.rendererRssBytes !== null) {
    const growth = (end.rendererRssBytes - start.rendererRssBytes) / start.rendererRssBytes;
    rows.push([
      'renderer memory (RSS) growth',
      `${fmtMB(start.rendererRssBytes)} → ${fmtMB(end.rendererRssBytes)} (${(growth * 100).toFixed(1)} %)`,
      '≤ 10 %',
      growth <= SOAK_BUDGETS.rssGrowth,
    ]);
  }
  rows.push([
    'page timers (median first → last third, same screen)',
    `${start.pageTimers} → ${end.pageTimers} (${(drift('pageTimers') * 100).toFixed(1)} %)`,
    'flat ± 5 %',
    Math.abs(drift('pageTimers')) <= SOAK_BUDGETS.countDrift,
  ]);
  rows.push(['still signed in (2 h token renewed by itself)', end.signedOut ? 'no' : 'yes', 'yes', !end.signedOut]);
  rows.push(['perf marks + measures at the end', String(end.perfEntries), '≤ 1000', end.perfEntries <= 1000]);
  rows.push(['page errors', String(end.errors) + (end.lastError ? ` (last: ${end.lastError})` : ''), '0', end.errors === 0]);
  rows.push([
    'polls in a hidden tab (requests / 10 min)',
    `${hiddenRequestsPer10Min} hidden vs ${visibleRequestsPer10Min} visible`,
    '≥ 80 % of visible',
    hiddenRequestsPer10Min >= 0.8 * visibleRequestsPer10Min,
  ]);
  return rows;
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, '').split('=');
    const value = inline ?? argv[++i];
    if (key === 'dist') opts.distDir = path.resolve(value);
    else if (key === 'hours') opts.hours = Number(value);
    else if (key === 'refresh') opts.refreshS = Number(value);
    else if (key === 'rotate') opts.rotateS = Number(value);
    else if (key === 'warmup') opts.warmupH = Number(value);
    else if (key === 'every') opts.everyH = Number(value);
    else if (key === 'json') opts.json = value;
    else throw new Error(`unknown option --${key}`);
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { json, ...opts } = parseArgs(process.argv.slice(2));
  const report = await runSoak({ distDir: path.join(root, 'dist'), ...opts });
  const rows = judgeSoak(report);
  console.log(`\nWall soak — ${report.samples.at(-1).simulatedH} h simulated in ${report.realSeconds} s real, ${report.chromium}`);
  for (const [name, value, budget, ok] of rows) console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(58)} ${value}   budget ${budget}`);
  if (json) fs.writeFileSync(json, JSON.stringify({ ...report, verdicts: rows }, null, 2));
  const over = rows.filter((r) => !r[3]).length;
  console.log(over === 0 ? 'wall soak: all budgets met' : `wall soak: ${over} budget(s) over`);
  process.exit(over === 0 ? 0 : 1);
}

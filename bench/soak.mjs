#!/usr/bin/env node
// Wall soak: 24 h of simulated time on the wall screen, in minutes of real time, and its
// memory at the start (after warm-up) and the end (DESIGN.md budgets: JS heap growth
// ≤ 10 MB, DOM nodes and listeners flat, renderer memory growth ≤ 10 %).
//
// How time is simulated (performance-notes §7.6, "accelerated variant"): the page runs
// on Playwright's fake clock (page.clock: Date, timers, performance) and the mock master
// on the simulator's fake clock (createFakeClock), and the bench moves both forward
// together, one refresh interval at a time. After each step it lets the real network
// and React settle (no page timer runs meanwhile), so every poll of the 24 hours really
// happens: ~8,640 refreshes of every wall query, token refreshes every 2 h, a screen
// rotation every minute, the master's deploys, scheduler and node churn. What it does not
// reproduce is real-time behaviour (GC pacing, raster, native memory over wall-clock
// days); the nightly real-time soak of §7.6 covers that.
//
// Usage: `npm run bench -- --soak` (bench/run.mjs starts it after the bundle figures), or
//   node --import tsx bench/soak.mjs [--dist dist] [--hours 24] [--refresh 10] [--rotate 60]
//                                    [--warmup 1] [--every 2] [--json out.json]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createFakeClock } from '../src/simulator/engine/clock.ts';
import { startMockMaster } from '../server/mock-master.ts';
import { startServe } from '../server/serve.ts';

const HOUR = 3_600_000;
const MB = 1024 * 1024;
const ADMIN_CODE = '50a4c0de50a4';
/** The master's time when the soak starts (the demo scenario's usual epoch). */
const T0 = Date.UTC(2017, 3, 6, 12, 0, 0);

export const SOAK_BUDGETS = {
  heapGrowthBytes: 10 * MB,
  /** "flat": windowed medians within this fraction of the warm baseline (§9 f). */
  countDrift: 0.05,
  rssGrowth: 0.1,
};

/** Sum of VmRSS (bytes) of the renderer processes under the browser whose command line has `marker`. */
function rendererRssBytes(marker) {
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
  const root = [...cmdline].find(([, cmd]) => cmd.includes(marker))?.[0];
  if (root === undefined) return null;
  const isUnder = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 16; p = parent.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, cmd] of cmdline) {
    if (!cmd.includes('--type=renderer') || !isUnder(pid)) continue;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const fmtMB = (bytes) => `${(bytes / MB).toFixed(2)} MB`;

/**
 * Runs the soak and returns its samples and verdicts. `distDir` is a production build
 * (serve.ts refuses anything else).
 */
export async function runSoak({ distDir, hours = 24, refreshS = 10, rotateS = 60, warmupH = 1, everyH = 2, log = console.log } = {}) {
  const stepMs = refreshS * 1000;
  const masterClock = createFakeClock(T0);
  const mock = await startMockMaster({ port: 0, scenario: 'demo', seed: 1, initialAdminCode: ADMIN_CODE, simulator: { clock: masterClock } });
  const web = await startServe({ port: 0, upstream: mock.url, distDir });
  const marker = `--soak-bench=${crypto.randomUUID()}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // performance-notes §7.1: no background throttling; the marker finds this browser's renderers in /proc.
    args: ['--no-sandbox', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows', marker],
  });
  const started = Date.now();
  try {
    const post = async (p, body, token) => {
      const res = await fetch(`${mock.url}${p}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return res.json();
    };
    const admin = (await post('/oauth2/token', { grant_type: 'authorization_code', code: ADMIN_CODE })).access_token;
    // A code for a token that expires in 2 h: the wall must refresh it by itself, 12 times a day.
    const { code } = await post('/oauth2/authorize', { response_type: 'code', scope: 'user', expires_in: 7200 }, admin);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let inflight = 0;
    let requests = 0;
    let failures = 0;
    const isApi = (req) => /\/(v1|oauth2)\//.test(new URL(req.url()).pathname);
    page.on('request', (req) => {
      if (!isApi(req)) return;
      inflight += 1;
      requests += 1;
    });
    const done = (req) => {
      if (isApi(req)) inflight -= 1;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', (req) => {
      if (isApi(req)) failures += 1;
      done(req);
    });
    page.on('pageerror', (err) => log(`page error: ${err.message}`));

    await page.clock.install({ time: T0 });
    const wallPath = `/wall?refresh=${refreshS}s&rotate=${rotateS}s&by=grid`;
    await page.goto(`${web.url}/sign-in?next=${encodeURIComponent(wallPath)}`);
    await page.getByRole('tab', { name: /code/i }).click();
    await page.getByLabel(/one-time code/i).fill(code);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/wall\?/);
    await page.getByRole('list', { name: 'Services, problems first' }).waitFor({ timeout: 30_000 });

    // From here the page's time only moves when the bench moves it.
    let pageNow = (await page.evaluate(() => Date.now())) + 1_000;
    await page.clock.pauseAt(pageNow);
    masterClock.advance(Math.max(0, pageNow - masterClock.now()));

    /** Waits (real time) until no API request has been in flight for a few ms. */
    const networkIdle = async () => {
      const until = Date.now() + 15_000;
      let quietSince = Date.now();
      while (Date.now() < until) {
        if (inflight > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= 5) return;
        await new Promise((r) => setTimeout(r, 1));
      }
    };

    /**
     * One step: the master's clock, then the page's (every due page timer fires once:
     * the polls, the wall clock, rotation, and TanStack Query's 0 ms hand-over of the
     * previous step's answers to React), then the real network until it is quiet.
     */
    const advance = async (ms) => {
      for (let left = ms; left > 0; left -= stepMs) {
        const step = Math.min(stepMs, left);
        await masterClock.advanceAsync(step, 1_000);
        await page.clock.fastForward(step);
        pageNow += step;
        await networkIdle();
      }
    };

    /** A quiescent point for counting: the last answers rendered, nothing in flight. */
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await networkIdle();
        await page.clock.runFor(1);
        pageNow += 1;
        masterClock.advance(1);
        await new Promise((r) => setTimeout(r, 50));
        if (inflight === 0) return;
      }
    };

    const sample = async (label) => {
      await settle();
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const extra = await page.evaluate(() => ({
        perfEntries: typeof performance.getEntries === 'function' ? performance.getEntries().length : -1,
        screen: document.querySelector('h1')?.textContent ?? '',
        tiles: document.querySelectorAll('main > ul > li').length,
        signedOut: document.body.textContent?.includes('This wall screen is signed out') ?? false,
      }));
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
        rendererRssBytes: rendererRssBytes(marker),
        requests,
        failedRequests: failures,
        realS: Math.round((Date.now() - started) / 1000),
        ...extra,
      };
      log(
        `  ${row.label.padEnd(8)} t=${String(row.simulatedH).padStart(5)} h  heap ${fmtMB(row.heapBytes).padStart(9)}  nodes ${String(row.nodes).padStart(5)}  listeners ${String(row.listeners).padStart(4)}  rss ${row.rendererRssBytes === null ? 'n/a' : fmtMB(row.rendererRssBytes)}  tiles ${row.tiles}  requests ${row.requests}  (${row.realS} s real)`,
      );
      return row;
    };

    log(`wall soak: ${hours} h simulated, refresh ${refreshS} s, rotation ${rotateS} s by grid, 1920×1080, ${path.relative(process.cwd(), distDir) || distDir}`);
    await advance(warmupH * HOUR);
    const samples = [await sample('start')];
    for (let h = warmupH; h < hours; ) {
      const next = Math.min(hours, h + everyH);
      await advance((next - h) * HOUR);
      h = next;
      samples.push(await sample(h >= hours ? 'end' : `${h} h`));
    }

    // Polling in a background tab: the wall keeps its cadence when the page is hidden.
    const hiddenFrom = requests;
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await advance(10 * 60_000);
    const hiddenRequestsPer10Min = requests - hiddenFrom;
    const visibleRequestsPer10Min = Math.round(((samples.at(-1).requests - samples[0].requests) / ((samples.at(-1).simulatedH - samples[0].simulatedH) * 6)) || 0);

    return { samples, hiddenRequestsPer10Min, visibleRequestsPer10Min, realSeconds: Math.round((Date.now() - started) / 1000), chromium: browser.version() };
  } finally {
    await browser.close();
    await web.close();
    await mock.close();
  }
}

/** Verdicts against the DESIGN.md budgets. */
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
    ['JS heap growth (used+backing+embedder)', `${fmtMB(start.heapBytes)} → ${fmtMB(end.heapBytes)} (${fmtMB(end.heapBytes - start.heapBytes)})`, '≤ 10 MB', end.heapBytes - start.heapBytes <= SOAK_BUDGETS.heapGrowthBytes],
    ['DOM nodes (median first → last third, same screen)', `${start.nodes} → ${end.nodes} (${(drift('nodes') * 100).toFixed(1)} %)`, 'flat ± 5 %', Math.abs(drift('nodes')) <= SOAK_BUDGETS.countDrift],
    ['event listeners (median first → last third, same screen)', `${start.listeners} → ${end.listeners} (${(drift('listeners') * 100).toFixed(1)} %)`, 'flat ± 5 %', Math.abs(drift('listeners')) <= SOAK_BUDGETS.countDrift],
  ];
  if (start.rendererRssBytes !== null && end.rendererRssBytes !== null) {
    const growth = (end.rendererRssBytes - start.rendererRssBytes) / start.rendererRssBytes;
    rows.push(['renderer RSS growth', `${fmtMB(start.rendererRssBytes)} → ${fmtMB(end.rendererRssBytes)} (${(growth * 100).toFixed(1)} %)`, '≤ 10 %', growth <= SOAK_BUDGETS.rssGrowth]);
  }
  rows.push(['still signed in (token refreshed by itself)', end.signedOut ? 'no' : 'yes', 'yes', !end.signedOut]);
  rows.push(['perf entries at the end', String(end.perfEntries), '≤ 1000', end.perfEntries <= 1000]);
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
  console.log(`\nWall soak — ${report.samples.at(-1).simulatedH} h simulated in ${report.realSeconds} s real, Chromium ${report.chromium}`);
  for (const [name, value, budget, ok] of rows) console.log(`${ok ? "ok  " : "OVER"} ${name.padEnd(56)} ${value}   budget ${budget}`);
  if (json) fs.writeFileSync(json, JSON.stringify({ ...report, verdicts: rows }, null, 2));
  const over = rows.filter((r) => !r[3]).length;
  console.log(over === 0 ? 'wall soak: all budgets met' : `wall soak: ${over} budget(s) over`);
  process.exit(over === 0 ? 0 : 1);
}

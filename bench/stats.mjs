#!/usr/bin/env node
// Live views under load, measured in headless Chromium against the production build
// (dist/ behind server/serve.ts, proxying to the simulated master over real HTTP):
//  - the Stats tab of a service with 20 instances, live (default 120 s): main-thread busy %
//    and longest task, main-thread time around each live sample (split: the live tail only, or
//    a step of the time axis that redraws the charts), charts and points drawn (docs/architecture.md:
//    ≤ 4 charts, ≤ 300 points per series, animation off, ≤ 50 ms per update);
//  - the Instances tab (monitor) of a service with 100 instances at the 2 s poll: main-thread
//    time per poll, tiles touched per poll (only changed tiles should re-render).
// Main-thread time is CDP Performance.getMetrics TaskDuration (thread ticks), as
// docs/performance-notes.md §6–§7 advise: wall-clock is noisy on these 2-core boxes.
//
//   node bench/stats.mjs [--dist dist] [--stats-seconds 120] [--monitor-seconds 60] [--monitor-instances 100,2000]
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startBenchStack } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GRID = 'production';
const MiB = 1024 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');

/** Runs in the page before the app: long tasks, and the moments live views commit. */
function pageProbe() {
  window.__longtasks = [];
  window.__updates = [];
  window.__redraws = [];
  window.__tileTouches = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ at: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the figure stays empty.
  }
  const attach = () => {
    // A chart commit changes its data-points / its summary text / its live tail: note the moment,
    // and whether Recharts redrew a line (a step of the time axis) or only the live tail moved.
    new MutationObserver((records) => {
      let chart = false;
      let redraw = false;
      const tiles = new Set();
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (!el) continue;
        if (el.closest('figure')) chart = true;
        if (el.closest('.recharts-line')) redraw = true;
        const tile = el.closest('ul[aria-label^="Instances on "] > li');
        if (tile) tiles.add(tile);
      }
      const at = performance.timeOrigin + performance.now();
      if (chart) window.__updates.push(at);
      if (redraw) window.__redraws.push(at);
      if (tiles.size > 0) window.__tileTouches.push({ at, count: tiles.size });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
}

/** Waits (up to 180 s) until at least `instances` of the service's containers run. */
async function untilRunning(api, name, instances) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const res = await api('GET', `/v1/services/${GRID}/null/${name}/containers`);
    const running = (res.body?.containers ?? []).filter((c) => c.status === 'running').length;
    if (running >= instances) return;
    if (Date.now() > deadline) throw new Error(`${name}: only ${running}/${instances} instances running after 180 s`);
    await sleep(1000);
  }
}

/** A service of `instances` instances, deployed all at once, running before it returns. */
async function serviceWith(api, name, instances) {
  const created = await api('POST', `/v1/grids/${GRID}/services`, {
    name,
    image: 'myorg/api:2.4.1',
    stateful: false,
    instances,
    memory: 256 * MiB,
    deploy_opts: { min_health: 0 },
  });
  if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  await api('POST', `/v1/services/${GRID}/null/${name}/deploy`);
  await untilRunning(api, name, instances);
}

async function scaleTo(api, name, instances) {
  const res = await api('POST', `/v1/services/${GRID}/null/${name}/scale`, { instances });
  if (res.status !== 200) throw new Error(`scale ${name}: ${res.status}`);
  await untilRunning(api, name, instances);
}

async function signIn(page, baseUrl, api) {
  const code = (await api('POST', '/oauth2/authorize', { response_type: 'code', scope: 'user', expires_in: '7200' })).body.code;
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('tab', { name: /code/i }).click();
  await page.getByLabel(/one-time code/i).fill(code);
  await page.getByRole('button', { name: /sign in/i }).click();
  // Signed in: the app lands on a grid (its overview).
  await page.waitForURL(/\/grids\/[^/]+/);
}

/** Samples TaskDuration every `everyMs` until stopped: [{ at (epoch ms), task (ms) }]. */
function taskSampler(cdp, everyMs = 100) {
  const samples = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
      samples.push({ at: Date.now(), task: task * 1000 });
      await sleep(everyMs);
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Main-thread ms between two moments, from the sampled TaskDuration curve (widened to the samples around them). */
function taskBetween(samples, from, to) {
  const a = [...samples].reverse().find((s) => s.at <= from) ?? samples[0];
  const b = samples.find((s) => s.at >= to) ?? samples[samples.length - 1];
  return b && a ? b.task - a.task : NaN;
}

async function measure(page, cdp, seconds, { eventsOf, redrawsOf = async () => [] }) {
  await page.evaluate(() => {
    window.__longtasks.length = 0;
    window.__updates.length = 0;
    window.__redraws.length = 0;
    window.__tileTouches.length = 0;
  });
  const sampler = taskSampler(cdp);
  const start = Date.now();
  await sleep(seconds * 1000);
  const end = Date.now();
  await sleep(400);
  await sampler.stop();
  const s = sampler.samples;
  const first = s.find((x) => x.at >= start) ?? s[0];
  const last = [...s].reverse().find((x) => x.at <= end) ?? s[s.length - 1];
  const busy = (last.task - first.task) / (last.at - first.at);
  const longtasks = (await page.evaluate(() => window.__longtasks)).filter((t) => t.at >= start && t.at <= end);
  // Commits close together belong to one event (a live sample redraws the 4 charts in turn).
  const events = [];
  for (const at of (await eventsOf()).filter((t) => t >= start + 200 && t <= end).sort((a, b) => a - b)) {
    const last = events[events.length - 1];
    if (last && at - last.to < 1000) {
      last.to = at;
      last.count += 1;
    } else {
      events.push({ from: at, to: at, count: 1 });
    }
  }
  // Idle rate: busy time per ms away from the events, subtracted from each event's window.
  const window = (e) => [e.from - 300, e.to + 350];
  let quietTask = 0;
  let quietMs = 0;
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1];
    const b = s[i];
    if (a.at < start || b.at > end) continue;
    if (events.some((e) => b.at >= window(e)[0] && a.at <= window(e)[1])) continue;
    quietTask += b.task - a.task;
    quietMs += b.at - a.at;
  }
  const idleRate = quietMs > 0 ? quietTask / quietMs : 0;
  const perEvent = events.map((e) => {
    const [from, to] = window(e);
    return Math.max(0, taskBetween(s, from, to) - idleRate * (to - from));
  });
  const redraws = await redrawsOf();
  const redrawn = events.map((e) => redraws.some((at) => at >= e.from - 1 && at <= e.to + 1));
  return {
    seconds: (end - start) / 1000,
    busyPct: busy * 100,
    mainThreadMs: last.task - first.task,
    longest: longtasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longtasks: longtasks.length,
    events: events.length,
    commitsPerEvent: events.length > 0 ? events.reduce((n, e) => n + e.count, 0) / events.length : 0,
    idlePct: idleRate * 100,
    perEvent,
    redrawn,
    start,
    end,
  };
}

/** A signed-in 1920×1080 page with the probe installed and thread-time metrics on. */
async function probedPage(browser, stack) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await signIn(page, stack.web.url, stack.api);
  return { context, page, cdp };
}

async function statsScenario({ browser, stack, seconds }) {
  const { web, api } = stack;
  // The demo's `api` scaled to 20: old instances give the service hours of metrics history.
  await scaleTo(api, 'api', 20);
  const { context, page, cdp } = await probedPage(browser, stack);

  const results = [];
  const tab = `${web.url}/grids/${GRID}/services/null/api/stats`;
  // One page, switched as a user would: the per-instance lines start from the samples the page took so far.
  const views = [
    { label: `service total, 1 h window, ${seconds} s`, seconds, go: () => page.goto(tab) },
    {
      label: 'per instance (6 lines per chart), 1 h window, 30 s',
      seconds: Math.min(30, seconds),
      go: async () => {
        await page.getByRole('button', { name: 'Per instance' }).click();
        const table = page.getByRole('table', { name: 'Instance stats' });
        for (const n of [5, 6]) await table.getByRole('checkbox', { name: `Chart instance #${n}` }).check();
        await page.getByRole('figure', { name: 'CPU' }).locator('.recharts-line-curve').nth(5).waitFor({ timeout: 30_000 });
      },
    },
    {
      label: 'service total, 24 h window, 30 s',
      seconds: Math.min(30, seconds),
      go: async () => {
        await page.getByRole('button', { name: 'Service total' }).click();
        await page.getByRole('button', { name: '24 h' }).click();
      },
    },
  ];
  for (const view of views) {
    await view.go();
    await page.getByRole('table', { name: 'Instance stats' }).getByRole('rowheader').nth(20).waitFor({ timeout: 30_000 });
    await page.locator('.recharts-line-curve').first().waitFor({ timeout: 30_000 });
    await sleep(3000); // warm-up: first draw, history fetched
    const r = await measure(page, cdp, view.seconds, {
      eventsOf: () => page.evaluate(() => window.__updates),
      redrawsOf: () => page.evaluate(() => window.__redraws),
    });
    // Counts at a quiet moment (docs/performance-notes.md §6.4).
    r.charts = await page.locator('svg.recharts-surface').count();
    r.maxPoints = await page.evaluate(() =>
      Math.max(0, ...[...document.querySelectorAll('[data-points]')].map((el) => Number(el.getAttribute('data-points')))),
    );
    r.maxSeries = await page.evaluate(() =>
      Math.max(
        0,
        ...[...document.querySelectorAll('svg.recharts-surface')].map((svg) => svg.querySelectorAll('.recharts-line-curve').length),
      ),
    );
    // Animation off: what an update draws (the chart's curve, or its live tail) is final at once (an animated curve changes for ~1.5 s).
    r.animated = await page.evaluate(async () => {
      const drawn = () => {
        const chart = document.querySelector('figure');
        return `${chart?.querySelector('.recharts-line-curve')?.getAttribute('d')}|${chart?.querySelector('[data-live-tail] path')?.getAttribute('d')}`;
      };
      const before = window.__updates.length;
      const deadline = performance.now() + 15_000;
      while (window.__updates.length === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const justAfter = drawn();
      await new Promise((r) => setTimeout(r, 300));
      return justAfter !== drawn();
    });
    results.push({ label: view.label, ...r });
  }
  await context.close();
  return results;
}

async function monitorScenario({ browser, stack, seconds, instances }) {
  const { web, api } = stack;
  const name = `bench-mon-${instances}`;
  await serviceWith(api, name, instances);
  const { context, page, cdp } = await probedPage(browser, stack);
  const polls = [];
  page.on('requestfinished', (req) => {
    if (new URL(req.url()).pathname.endsWith(`/${name}/containers`)) polls.push(Date.now());
  });
  await page.goto(`${web.url}/grids/${GRID}/services/null/${name}/instances`);
  await page
    .locator('ul[aria-label^="Instances on "] > li')
    .nth(instances - 1)
    .waitFor({ timeout: 60_000 });
  await sleep(3000);
  const r = await measure(page, cdp, seconds, { eventsOf: async () => polls });
  const touches = (await page.evaluate(() => window.__tileTouches)).filter((t) => t.at >= r.start && t.at <= r.end);
  r.tilesTouched = touches.reduce((n, t) => n + t.count, 0);
  r.tiles = await page.locator('ul[aria-label^="Instances on "] > li').count();
  r.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await context.close();
  return r;
}

/** The monitor is measured at 100 instances (the figure) and at 2,000 (docs/architecture.md's poll budget). */
export async function runLiveBench({
  distDir = path.join(root, 'dist'),
  statsSeconds = 120,
  monitorSeconds = 60,
  monitorInstances = [100, 2000],
} = {}) {
  const { chromium } = await import('playwright-core');
  const stack = await startBenchStack({ distDir });
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
  const load = os.loadavg()[0];
  try {
    const stats = await statsScenario({ browser, stack, seconds: statsSeconds });
    const monitors = [];
    for (const instances of monitorInstances)
      monitors.push({ instances, ...(await monitorScenario({ browser, stack, seconds: monitorSeconds, instances })) });
    return { stats, monitors, load };
  } finally {
    await browser.close();
    await stack.close();
  }
}

/** Prints the figures; returns the number of hard (count) budgets over. */
export function printLiveBench({ stats, monitors, load }) {
  let over = 0;
  const line = (ok, name, value, budget, kind = 'hard') => {
    if (!ok && kind === 'hard') over += 1;
    console.log(
      `${ok ? 'ok  ' : kind === 'hard' ? 'OVER' : 'warn'} ${name.padEnd(44)} ${String(value).padStart(12)}   budget ${budget}${kind === 'soft' ? ' (soft: timing)' : ''}`,
    );
  };
  console.log(
    `\nLive views — headless Chromium 1920×1080, production build, simulated master over HTTP (1-min load at start ${load.toFixed(2)}, ${os.cpus().length} cores)`,
  );
  for (const r of stats) {
    const p50 = quantile(r.perEvent, 0.5);
    const p95 = quantile(r.perEvent, 0.95);
    console.log(`\nStats tab, 20 instances live — ${r.label} (ran ${r.seconds.toFixed(0)} s, ${r.events} chart updates)`);
    line(r.charts <= 4, 'Recharts charts on the page', r.charts, '≤ 4');
    line(r.maxPoints <= 300, 'most rows drawn in one chart', r.maxPoints, '≤ 300 per series');
    console.log(`     lines in the busiest chart: ${r.maxSeries}`);
    line(!r.animated, 'animation on live series', r.animated ? 'on' : 'off', 'off');
    line(r.busyPct <= 5, 'main thread busy', `${r.busyPct.toFixed(1)} %`, '≤ 5 % of a core', 'soft');
    line(r.longest <= 50, 'longest task', ms(r.longest), '≤ 50 ms', 'soft');
    console.log(`     long tasks (> 50 ms): ${r.longtasks}`);
    line(!(p95 > 50), 'main thread per live sample, p50 / p95', `${p50.toFixed(0)} / ${p95.toFixed(0)} ms`, '≤ 50 ms', 'soft');
    const tailOnly = r.perEvent.filter((_, i) => !r.redrawn[i]);
    const withRedraw = r.perEvent.filter((_, i) => r.redrawn[i]);
    console.log(
      `     of which live tail + table only: ${tailOnly.length}, p50 / p95 ${quantile(tailOnly, 0.5).toFixed(0)} / ${quantile(tailOnly, 0.95).toFixed(0)} ms (${r.commitsPerEvent.toFixed(1)} commits per sample; idle ${r.idlePct.toFixed(1)} % subtracted)`,
    );
    console.log(
      `     with the charts redrawn (a step of the time axis, ${r.charts} charts in turn): ${withRedraw.length}, p50 / max ${quantile(withRedraw, 0.5).toFixed(0)} / ${(withRedraw.length > 0 ? Math.max(...withRedraw) : NaN).toFixed(0)} ms`,
    );
  }
  for (const monitor of monitors) {
    const p50 = quantile(monitor.perEvent, 0.5);
    const p95 = quantile(monitor.perEvent, 0.95);
    const n = monitor.instances;
    console.log(
      `\nInstances tab (monitor), ${n.toLocaleString('en-US')} instances, 2 s poll (ran ${monitor.seconds.toFixed(0)} s, ${monitor.events} polls)`,
    );
    line(monitor.tiles === n, 'tiles on the page', monitor.tiles, `= ${n}`);
    line(!(p95 > 50), 'main thread per poll, p50 / p95', `${p50.toFixed(1)} / ${p95.toFixed(1)} ms`, '≤ 50 ms (at 2,000)', 'soft');
    console.log(
      `     main thread per poll, mean over the run: ${ms(monitor.mainThreadMs / Math.max(1, monitor.events))} (busy ${monitor.busyPct.toFixed(1)} %)`,
    );
    line(monitor.longest <= 50, 'longest task', ms(monitor.longest), '≤ 50 ms', 'soft');
    console.log(
      `     tiles touched by polls: ${monitor.tilesTouched} over ${monitor.events} polls (only changed tiles re-render); DOM elements: ${monitor.domNodes}`,
    );
  }
  console.log(
    '     (per poll / per sample = TaskDuration, sampled every 100 ms, from 300 ms before to 350 ms after the event, minus the idle rate: includes fetch, JSON parse, schema check, render and paint)',
  );
  return over;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
  };
  const result = await runLiveBench({
    distDir: path.resolve(root, arg('dist', 'dist')),
    statsSeconds: Number(arg('stats-seconds', '120')),
    monitorSeconds: Number(arg('monitor-seconds', '60')),
    monitorInstances: arg('monitor-instances', '100,2000').split(',').map(Number),
  });
  const over = printLiveBench(result);
  process.exit(over === 0 ? 0 : 1);
}

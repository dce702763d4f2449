// The grid overview of a large grid (dozens of nodes, 5,000 services: the simulator's
// `large` scenario) in the production build: its first render, then its live polls (every
// 5 s: services, nodes, the event log and the audit log). The issue's budget is the
// list's: no main-thread task over 50 ms on a poll (soft, docs/architecture.md).
// Figures as bench/list.mjs takes them (docs/performance-notes.md §6–§7): main-thread CPU
// from the DevTools protocol, the longest task from a PerformanceObserver.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/system-deps.mjs';
import { SESSION_KEY, startBenchStack } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const GRID = 'large';
const RUNS = 3;
/** Polls measured per run (the overview polls every 5 s). */
const POLLS = 3;
const ms = (n) => `${Math.round(n)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Installed before the app loads: long tasks, and when the counts first show.
function collectors() {
  window.__bench = { longtasks: [], shownAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('ul[aria-label="Services"] a')) {
      window.__bench.shownAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function cpu(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function oneRun(web, session) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [SESSION_KEY, JSON.stringify(session)]);
    await page.addInitScript(collectors);
    await page.goto(`${web}/favicon.ico`).catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

    // First render: navigation → the counts of the 5,000 services are on the page.
    const cpu0 = await cpu(cdp);
    await page.goto(`${web}/grids/${GRID}`);
    await page.waitForFunction(() => window.__bench.shownAt !== null, null, { timeout: 60_000 });
    await settle(page);
    const cpu1 = await cpu(cdp);
    const first = await page.evaluate(() => ({
      shownAt: window.__bench.shownAt,
      longest: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
      nodes: document.getElementsByTagName('*').length,
    }));
    // The charts' chunk and the first answers land just after: let them settle.
    await page.getByRole('figure', { name: 'CPU', exact: true }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);

    // The live polls: each answer of the services list, and a second for it to be parsed,
    // committed and painted (with the nodes, event log and audit answers of the same poll).
    const polls = [];
    for (let i = 0; i < POLLS; i++) {
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/v1/grids/${GRID}/services`, { timeout: 30_000 });
      const mark = await page.evaluate(() => performance.now());
      const before = await cpu(cdp);
      await answered;
      await page.waitForTimeout(1_500);
      await settle(page);
      const after = await cpu(cdp);
      const longest = await page.evaluate(
        (since) => Math.max(0, ...window.__bench.longtasks.filter((t) => t.start >= since).map((t) => t.duration)),
        mark,
      );
      polls.push({ cpu: after - before, longest });
    }
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return {
      firstShownMs: first.shownAt,
      firstCpuMs: cpu1 - cpu0,
      firstLongestMs: first.longest,
      pollLongestMs: Math.max(...polls.map((p) => p.longest)),
      pollCpuMs: median(polls.map((p) => p.cpu)),
      domNodes: Math.max(first.nodes, nodes),
    };
  } finally {
    await browser.close();
  }
}

/** Runs the overview bench over a production build; prints the figures, returns the number of hard budgets over (none: long tasks are soft). */
export async function runOverviewBench({ distDir = path.join(here, '..', 'dist') } = {}) {
  const stack = await startBenchStack({ distDir, scenario: 'large' });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(stack.web.url, stack.adminSession));
  } finally {
    await stack.close();
  }
  const pick = (key) => runs.map((r) => r[key]);
  const fig = (key) =>
    `${ms(median(pick(key)))} (${pick(key)
      .map((x) => Math.round(x))
      .join(' / ')})`;
  const rows = [
    ['first render: counts shown after', fig('firstShownMs'), 'info', true],
    ['first render: main-thread CPU', fig('firstCpuMs'), 'info', true],
    ['first render: longest task', fig('firstLongestMs'), 'info', true],
    ['one poll: main-thread CPU', fig('pollCpuMs'), 'info', true],
    [`longest task over ${POLLS} polls`, fig('pollLongestMs'), '≤ 50 ms (soft)', median(pick('pollLongestMs')) <= 50],
    ['DOM nodes (most seen)', String(Math.max(...pick('domNodes'))), 'info', true],
  ];
  console.log(`\nGrid overview, grid "${GRID}" — median of ${RUNS} launches (each run in brackets)`);
  for (const [name, value, budget, ok] of rows)
    console.log(
      `${budget.includes('soft') && !ok ? 'warn' : 'ok  '} ${name.padEnd(36)} ${value.padStart(24)}   ${budget === 'info' ? '' : `budget ${budget}`}`,
    );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  process.exit(await runOverviewBench({ distDir: dist }));
}

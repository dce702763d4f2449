import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import type { Page } from '@playwright/test';
import { startMockMaster } from '../server/mock-master';
import type { RunningMockMaster } from '../server/mock-master';
import { startServe } from '../server/serve';
import type { RunningServe } from '../server/serve';

// The wall's row of node tiles (issue #18, item 4; nodes=1), read like the service tiles
// (e2e/wall-readability.spec.ts): at 1920×1080 and 3840×2160 no text of a node tile is
// cut (nothing wider than its box, no ellipsis, no word broken across lines, nothing
// outside the tile), and the service tiles under the row still read whole. The demo walls
// use the shared mock master and change nothing on it; the offline node and the full row
// (60 nodes) use this spec's own master with the `large` scenario, closed at the end.

test.describe.configure({ timeout: 120_000 });

const FULL_HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

const NODE_TILES = 'ul[aria-label="Nodes, offline first"] > li';
const SERVICE_TILES = 'ul[aria-label="Services, problems first"] > li';

const LARGE_CODE = 'e2e0wall0nodes';
let large: RunningMockMaster | undefined;
let largeWeb: RunningServe | undefined;
let largeToken = '';

test.beforeAll(async () => {
  large = await startMockMaster({ port: 0, scenario: 'large', seed: 1, initialAdminCode: LARGE_CODE });
  largeWeb = await startServe({ port: 0, upstream: large.url, distDir: process.env.E2E_DIST });
  const res = await fetch(`${large.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', code: LARGE_CODE }),
  });
  largeToken = ((await res.json()) as { access_token?: string }).access_token ?? '';
  expect(largeToken).not.toBe('');
});

test.afterAll(async () => {
  await largeWeb?.close();
  await large?.close();
});

async function signInToLarge(page: Page): Promise<string> {
  if (large === undefined || largeWeb === undefined) throw new Error('the large master did not start');
  const res = await fetch(`${large.url}/oauth2/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${largeToken}` },
    body: JSON.stringify({ response_type: 'code', scope: 'user', expires_in: '7200' }),
  });
  const { code } = (await res.json()) as { code: string };
  await page.goto(`${largeWeb.url}/sign-in`);
  await page.getByRole('tab', { name: /code/i }).click();
  await page.getByLabel(/one-time code/i).fill(code);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/grids\//);
  return largeWeb.url;
}

async function setNodeConnected(grid: string, node: string, connected: boolean): Promise<void> {
  if (large === undefined) throw new Error('the large master did not start');
  const res = await fetch(`${large.url}/__sim/node`, { method: 'POST', body: JSON.stringify({ grid, node, connected }) });
  expect(res.ok).toBe(true);
}

interface Reading {
  tiles: number;
  texts: number;
  cut: string[];
}

/** Every text of every tile the selector finds, checked as wall-readability.spec.ts checks a service tile. */
async function readTiles(page: Page, selector: string): Promise<Reading> {
  return page.locator(selector).evaluateAll((tiles) => {
    const cut: string[] = [];
    let texts = 0;
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el; e !== null; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.clip === 'rect(0px, 0px, 0px, 0px)') return true;
      }
      return false;
    };
    for (const tile of tiles) {
      const name = tile.querySelector('h2')?.textContent ?? tile.textContent ?? '?';
      const box = tile.getBoundingClientRect();
      for (const el of tile.querySelectorAll('*')) {
        const textNodes = [...el.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (textNodes.length === 0 || hidden(el)) continue;
        texts += 1;
        const cs = getComputedStyle(el);
        const text = el.textContent ?? '';
        const r = el.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          cut.push(`${name}: “${text}” is outside its tile`);
        if (cs.display !== 'inline' && el instanceof HTMLElement) {
          if (el.scrollWidth > el.clientWidth + 1) cut.push(`${name}: “${text}” is wider than its box`);
          if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) cut.push(`${name}: “${text}” ends in an ellipsis`);
        }
        if (cs.wordBreak === 'break-all' || cs.overflowWrap === 'anywhere' || cs.overflowWrap === 'break-word')
          cut.push(`${name}: “${text}” may break inside a word`);
        for (const node of textNodes) {
          const content = node.textContent ?? '';
          for (const match of content.matchAll(/[^\s\-/]+[-/]?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (lines.size > 1) cut.push(`${name}: “${match[0]}” is broken across lines`);
          }
        }
      }
      // The tile itself within the screen: a row wider than the wall would hide its last tiles.
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1) cut.push(`${name}: the tile is off the screen`);
    }
    return { tiles: tiles.length, texts, cut };
  });
}

async function expectWhole(page: Page, selector: string, label: string, textsPerTile: number): Promise<Reading> {
  const reading = await readTiles(page, selector);
  expect(reading.cut, `${label}: cut text`).toEqual([]);
  expect(reading.texts, `${label}: texts read`).toBeGreaterThanOrEqual(textsPerTile * reading.tiles);
  return reading;
}

test('the demo walls with nodes=1 read whole at full HD and 4K, node tiles and service tiles', async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);
  for (const viewport of [FULL_HD, UHD]) {
    await page.setViewportSize(viewport);
    for (const url of ['/wall?grid=production&nodes=1&refresh=2s', '/wall?nodes=1&refresh=2s&theme=light']) {
      await page.goto(url);
      await expect(page.locator(NODE_TILES).first()).toBeVisible({ timeout: 30_000 });
      await expect(page.locator(NODE_TILES).filter({ hasText: /CPU/ }).first()).toBeVisible();
      await expect(page.locator(SERVICE_TILES).filter({ hasText: /\d %/ }).first()).toBeVisible({ timeout: 30_000 });
      // State, age, name, CPU and memory with their labels: every node tile was read.
      const nodes = await expectWhole(page, NODE_TILES, `${viewport.width} ${url} nodes`, 6);
      expect(nodes.tiles).toBeGreaterThanOrEqual(3);
      await expectWhole(page, SERVICE_TILES, `${viewport.width} ${url} services`, 6);
    }
  }
  await expectNoAxeViolations(page);
});

test('60 nodes, one offline: it comes first, reads whole, and the rest are counted at the end of the row', async ({ page }) => {
  const base = await signInToLarge(page);
  await setNodeConnected('large', 'node-042', false);
  try {
    for (const viewport of [FULL_HD, UHD]) {
      await page.setViewportSize(viewport);
      await page.goto(`${base}/wall?grid=large&stack=stack-01&filter=t-4&nodes=1`);
      const first = page.locator(NODE_TILES).first();
      await expect(first).toContainText('node-042', { timeout: 30_000 });
      await expect(first).toHaveAttribute('data-tone', 'danger');
      await expect(first).toContainText(/Offline/);
      await expect(first).toContainText(/Not reporting for \d+ min|Never reported/);
      const more = page.locator(NODE_TILES).last();
      await expect(more).toContainText(/\+\d+ more nodes/);
      await expect(page.getByRole('list', { name: 'Summary' })).toContainText('1 node offline');
      await expectWhole(page, NODE_TILES, `${viewport.width} large nodes`, 1);
      await expect(page.locator(SERVICE_TILES).filter({ hasText: /\d %/ }).first()).toBeVisible({ timeout: 30_000 });
      await expectWhole(page, SERVICE_TILES, `${viewport.width} large services`, 6);
    }
  } finally {
    await setNodeConnected('large', 'node-042', true);
  }
});

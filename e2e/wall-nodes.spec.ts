import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import type { Page } from '@playwright/test';
import { FULL_HD, readTileText, UHD, useLargeMaster } from './wall-reading';
import type { TileText } from './wall-reading';

// The wall's row of node tiles (issue #18, item 4; nodes=1), read like the service tiles
// (e2e/wall-readability.spec.ts): at 1920×1080 and 3840×2160 no text of a node tile is
// cut (nothing wider than its box, no ellipsis, no word broken across lines, nothing
// outside the tile), and the service tiles under the row still read whole. The demo walls
// use the shared mock master and change nothing on it; the offline node and the full row
// (60 nodes) use this spec's own master with the `large` scenario, closed at the end.

test.describe.configure({ timeout: 120_000 });

const NODE_TILES = 'ul[aria-label="Nodes, offline first"] > li';
const SERVICE_TILES = 'ul[aria-label="Services, problems first"] > li';

const large = useLargeMaster('e2e0wall0nodes');

async function expectWhole(page: Page, selector: string, label: string, textsPerTile: number): Promise<TileText> {
  const reading = await readTileText(page, selector);
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
  const base = await large.signIn(page);
  await large.setNodeConnected('large', 'node-042', false);
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
    await large.setNodeConnected('large', 'node-042', true);
  }
});

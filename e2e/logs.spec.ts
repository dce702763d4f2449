import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';

// Read-only journeys on production's shop/web (nginx, two instances) of the demo
// scenario: no spec changes that service, and these tests only read its logs.
const LOGS = '/grids/production/services/shop/web/logs';

const rows = (page: Page) => page.locator('.xterm-rows');
const heldCount = async (page: Page): Promise<number> => {
  const text = (await page.getByText(/^\d[\d,]* lines? held/).textContent()) ?? '';
  return Number((/^([\d,]+)/.exec(text)?.[1] ?? '0').replace(/,/g, ''));
};

test('tails shop/web: lines, one instance, search and grep, pause, download, resume', async ({ page, oneTimeCode }) => {
  // axe walks every cell span of the terminal's DOM renderer: ~10 s on a busy 2-core box.
  test.slow();
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto(LOGS);

  // Open: the stream is live and the initial lines show, prefixed per instance.
  await expect(page.getByRole('status', { name: 'Stream live' })).toBeVisible();
  await expect(rows(page)).toContainText('shop.web-1');
  await expect(rows(page)).toContainText('shop.web-2');
  expect(await heldCount(page)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  // Selecting text recolours cells: with the CSP bridge this raises no violation (cspGuard).
  const box = await rows(page).boundingBox();
  if (box) {
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 400, box.y + 60);
    await page.mouse.up();
  }

  // One instance: the master filters it (like --instance 2).
  await page.getByRole('group', { name: 'Instances' }).getByRole('button', { name: 'shop.web-2' }).click();
  await expect(page).toHaveURL(/instance=2/);
  await expect(page.getByRole('status', { name: 'Stream live' })).toBeVisible();
  await expect(rows(page)).toContainText('shop.web-2');
  await expect(rows(page)).not.toContainText('shop.web-1 ');

  // Search highlights matches with a position; grep keeps only matching lines.
  await page.getByRole('searchbox', { name: 'Search' }).fill('GET');
  await expect(page.getByText(/^(\d+ of \d+|\d+ matches)$/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Only matching lines' }).check();
  await expect(page).toHaveURL(/grep=1/);
  await expect(page).toHaveURL(/q=GET/);
  await page.getByRole('button', { name: 'Next match' }).click();

  // Pause stops the stream: nothing new arrives while paused.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status', { name: 'Stream paused' })).toBeVisible();
  await expect(page).toHaveURL(/follow=0/);
  const pausedAt = await heldCount(page);
  await page.waitForTimeout(2500);
  expect(await heldCount(page)).toBe(pausedAt);

  // Download what the view shows, as a .log named after the service and the time.
  await page.getByText('Download .log').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'The lines in this view' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^production-shop\.web-\d{8}-\d{6}\.log$/);
  const file = await download.path();
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z shop\.web-2 std(out|err) /);
    expect(line.toLowerCase()).toContain('get');
    expect(line).not.toContain('\u001b');
  }

  // Resume goes on from the last line held.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('status', { name: 'Stream live' })).toBeVisible();
  await expect(page).not.toHaveURL(/follow=0/);
});

test('the log view can be opened and left many times and keeps working', async ({ page, oneTimeCode }) => {
  test.slow();
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto(LOGS);
  await expect(rows(page)).toContainText('shop.web-');
  const tabs = page.getByRole('navigation', { name: 'Service sections' });
  for (let i = 0; i < 5; i++) {
    await tabs.getByRole('link', { name: 'Overview' }).click();
    await expect(page.locator('.xterm')).toHaveCount(0);
    await tabs.getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByRole('status', { name: 'Stream live' })).toBeVisible();
    await expect(rows(page)).toContainText('shop.web-');
  }
  // One terminal on the page, reused (xterm 6.0.0 leaks disposed ones).
  await expect(page.locator('.xterm')).toHaveCount(1);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

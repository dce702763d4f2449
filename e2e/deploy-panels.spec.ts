import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// Deploy panels know when to go, measured in a real browser: a service page's header
// keeps its box through a deploy (the panel sits in the place kept for it), and the list
// keeps at least two thirds of its height after a bulk deploy (tray and results fold to a
// summary line). This spec works on six services of its own, created through the API in
// the `production` grid with names starting "e2e-panels-<run>", so the other specs'
// journeys on the shared demo master are not disturbed (and neither are these by theirs).
const GRID = 'production';
const run = Date.now().toString(36);
const PREFIX = `e2e-panels-${run}`;
const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => `${PREFIX}-${s}`);
const [FIRST = ''] = NAMES;

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async ({ masterUrl }) => {
  for (const name of NAMES) {
    const body = {
      name,
      image: 'nginx:1.11-alpine',
      stateful: false,
      instances: 1,
      // The first has a health check, so its header also says "pending" after a deploy.
      ...(name === FIRST ? { health_check: { protocol: 'http', port: 80, uri: '/', initial_delay: 5, timeout: 2, interval: 10 } } : {}),
    };
    expect((await masterApi(masterUrl, 'POST', `/v1/grids/${GRID}/services`, body)).status).toBe(201);
    expect((await masterApi(masterUrl, 'POST', `/v1/services/${GRID}/null/${name}/deploy`, {})).status).toBe(200);
  }
});

test.afterAll(async ({ masterUrl }) => {
  for (const name of NAMES) await masterApi(masterUrl, 'DELETE', `/v1/services/${GRID}/null/${name}`);
});

test.beforeEach(async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
});

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (b === null) throw new Error('not laid out');
  return b;
}

function servicesGrid(page: Page): Locator {
  return page.getByRole('grid', { name: `Services in ${GRID}` });
}

test('a service page’s header keeps its box before, during and after a deploy; the finished panel goes by itself', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services/null/${FIRST}`);
  const title = page.getByRole('heading', { level: 1, name: FIRST });
  await expect(title).toBeVisible();
  const header = page.locator('header').filter({ has: title });
  const tabs = page.getByRole('navigation', { name: 'Service sections' });
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(header.getByRole('list', { name: 'Status' })).toContainText(/healthy|pending/, { timeout: 20_000 });
  await expect(summary).toBeVisible();
  const before = { header: await box(header), tabs: await box(tabs), summary: await box(summary) };

  await page
    .getByRole('group', { name: `Actions for ${FIRST}` })
    .getByRole('button', { name: 'Deploy', exact: true })
    .click();
  const panel = page.getByRole('region', { name: `Deploy: ${FIRST}` });
  await expect(panel).toBeVisible();
  const during = { header: await box(header), tabs: await box(tabs), summary: await box(summary), panel: await box(panel) };
  expect(during.header).toEqual(before.header);
  expect(during.tabs).toEqual(before.tabs);
  expect(during.summary).toEqual(before.summary);
  // One line over the tab bar's free end: below the header, not over the tab links.
  expect(during.panel.y).toBeGreaterThanOrEqual(before.header.y + before.header.height);
  expect(during.panel.height).toBeLessThanOrEqual(40);
  const lastTab = await box(tabs.getByRole('link', { name: 'Settings' }));
  expect(during.panel.x).toBeGreaterThanOrEqual(lastTab.x + lastTab.width);

  await expect(panel).toHaveAttribute('data-deploy-state', 'success', { timeout: 30_000 });
  await expect(panel).toContainText(/Deployed 1\/1 in/);
  await expect(panel).toContainText(/hides in \d+ s/);
  const after = { header: await box(header), tabs: await box(tabs), panel: await box(panel) };
  expect(after.header).toEqual(before.header);
  expect(after.tabs).toEqual(before.tabs);
  expect(after.panel.height).toBeLessThanOrEqual(40);
  await expectNoAxeViolations(page);

  // Goes by itself (about 12 s after the finish); the header stays as it was.
  await page.mouse.move(0, 0);
  await expect(panel).toBeHidden({ timeout: 25_000 });
  expect(await box(header)).toEqual(before.header);
  expect(await box(tabs)).toEqual(before.tabs);
});

test('a rollout after a change shows in the place kept for deploys: it comes and goes without moving the header or the tabs', async ({
  page,
  masterUrl,
}) => {
  const name = NAMES[5] ?? '';
  await page.goto(`/grids/${GRID}/services/null/${name}`);
  const title = page.getByRole('heading', { level: 1, name });
  await expect(title).toBeVisible();
  const header = page.locator('header').filter({ has: title });
  const status = header.getByRole('list', { name: 'Status' });
  await expect(status).toContainText('1 running · 1 desired', { timeout: 20_000 });
  const tabs = page.getByRole('navigation', { name: 'Service sections' });
  const before = { header: await box(header), tabs: await box(tabs) };

  // A change to a running service: its instances are a revision behind until the scheduler redeploys (about 20 s).
  expect((await masterApi(masterUrl, 'PUT', `/v1/services/${GRID}/null/${name}`, { env: ['ROLLOUT=1'] })).status).toBe(200);
  const hint = page.getByRole('status').filter({ hasText: /Rolling out revision \d+: 0 of 1 updated/ });
  await expect(hint).toBeVisible({ timeout: 15_000 });
  expect({ header: await box(header), tabs: await box(tabs) }).toEqual(before);
  await expect(hint).toBeHidden({ timeout: 40_000 });
  expect({ header: await box(header), tabs: await box(tabs) }).toEqual(before);
});

test('after a bulk deploy of six services the list keeps at least two thirds of its height', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services?q=${PREFIX}`);
  const grid = servicesGrid(page);
  await expect(grid.getByRole('row')).toHaveCount(NAMES.length + 1, { timeout: 15_000 });
  const before = await box(grid);

  await grid.getByRole('checkbox', { name: `Select all ${NAMES.length} shown services` }).check();
  await page.getByRole('toolbar', { name: 'Selected services' }).getByRole('button', { name: 'Deploy' }).click();
  const results = page.getByRole('region', { name: `Results: Deploy of ${NAMES.length} services` });
  const tray = page.getByRole('region', { name: 'Deploys started here' });
  await expect(results).toContainText(`all ${NAMES.length} sent`);
  await expect(tray).toBeVisible();
  // The tray is a summary line: no card per service, and the results name none of them.
  await expect(tray.getByRole('region')).toHaveCount(0);
  await expect(results).not.toContainText(NAMES[1] ?? '');

  const during = await box(grid);
  expect(during.height).toBeGreaterThanOrEqual((before.height * 2) / 3);

  await expect(tray).toContainText(`${NAMES.length} done`, { timeout: 30_000 });
  expect((await box(grid)).height).toBeGreaterThanOrEqual((before.height * 2) / 3);
  await expectNoAxeViolations(page);
});

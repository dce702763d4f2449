import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';

// What an operator noticed at first sight (#14 item 8) and jsdom cannot measure: layout
// and the browser's locale. Read-only: it looks at the demo grid's services (api, lb,
// monitoring/*) and changes nothing on the shared master.
const GRID = 'production';

async function signIn(page: Page, code: string): Promise<void> {
  await signInWithCode(page, code);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
}

/** The places where the text of `element` wraps onto a new line: the character before each break, and the one after. */
async function lineBreaks(element: Locator): Promise<{ before: string; after: string }[]> {
  return element.evaluate((root) => {
    const chars: { ch: string; top: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect !== undefined) chars.push({ ch: text[i] ?? '', top: rect.top });
      }
    }
    const breaks: { before: string; after: string }[] = [];
    for (let i = 1; i < chars.length; i++) {
      const prev = chars[i - 1];
      const cur = chars[i];
      if (prev !== undefined && cur !== undefined && cur.top > prev.top + 2) breaks.push({ before: prev.ch, after: cur.ch });
    }
    return breaks;
  });
}

/** Whether an element's text is cut (ellipsis, hidden overflow). */
async function isCut(element: Locator): Promise<boolean> {
  return element.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

test('the left navigation stays in view on a long page, and still works from the keyboard', async ({ page, oneTimeCode }) => {
  await page.setViewportSize({ width: 1440, height: 600 });
  await signIn(page, oneTimeCode);
  await page.goto(`/grids/${GRID}/services/null/api`);
  await expect(page.getByRole('region', { name: 'Environment' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const secrets = nav.getByRole('link', { name: 'Secrets' });

  const scrollable = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(scrollable).toBeGreaterThan(300);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);

  for (const name of ['Services', 'Secrets', 'Logs', 'Wall']) {
    const box = await nav.getByRole('link', { name }).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box?.y ?? -1, name).toBeGreaterThanOrEqual(48);
    expect((box?.y ?? 0) + (box?.height ?? 0), name).toBeLessThanOrEqual(600);
  }
  // Not covered by the top bar: a click lands on the link itself.
  await secrets.focus();
  await expect(secrets).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/secrets`));
  await expectNoAxeViolations(page);
});

test('DNS names and ids wrap at dots and slashes, never inside a word', async ({ page, oneTimeCode }) => {
  await signIn(page, oneTimeCode);
  await page.goto(`/grids/${GRID}/services/monitoring/node-exporter`);
  const summary = page.getByRole('region', { name: 'Summary' });
  const dns = summary.getByText('node-exporter.monitoring.production.kontena.local', { exact: true });
  const id = summary.getByText('production/monitoring/node-exporter', { exact: true });
  await expect(dns).toBeVisible();
  let wrapped = 0;
  for (const width of [1440, 1280, 1180, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    const dnsBreaks = await lineBreaks(dns);
    const idBreaks = await lineBreaks(id);
    wrapped += dnsBreaks.length + idBreaks.length;
    // Never after the hyphen of "node-exporter", nor inside a label.
    for (const { before } of dnsBreaks) expect(before, `DNS name at ${width}px`).toBe('.');
    for (const { before } of idBreaks) expect(before, `id at ${width}px`).toBe('/');
  }
  // The columns are narrow enough that the names must wrap somewhere.
  expect(wrapped).toBeGreaterThan(0);

  // The page heading (stack/name) is still named as one string, and wraps (if at all) at its slash.
  await page.setViewportSize({ width: 320, height: 800 });
  const heading = page.getByRole('heading', { level: 1, name: 'monitoring/node-exporter', exact: true });
  await expect(heading).toBeVisible();
  for (const { before } of await lineBreaks(heading)) expect(before).toBe('/');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectNoAxeViolations(page);
});

/**
 * For one column of the services grid (by cell index): whether any cell's text is cut,
 * and the room left over in the column beside its longest text, in px.
 */
async function columnFit(grid: Locator, column: number): Promise<{ cut: boolean; spare: number }> {
  return grid.evaluate((el, index) => {
    let cut = false;
    let spare = Number.POSITIVE_INFINITY;
    for (const row of el.querySelectorAll('[role="rowgroup"] + [role="rowgroup"] [role="row"]')) {
      const cell = row.children[index];
      if (!(cell instanceof HTMLElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const text = range.getBoundingClientRect().width;
      if (cell.scrollWidth > cell.clientWidth + 1) cut = true;
      spare = Math.min(spare, inner - text);
    }
    return { cut, spare };
  }, column);
}

test('the image and ports columns use the room they have (1440 and 1920 wide)', async ({ page, oneTimeCode }) => {
  await signIn(page, oneTimeCode);
  await page.goto(`/grids/${GRID}/services`);
  const grid = page.getByRole('grid', { name: `Services in ${GRID}` });
  const row = (name: string) => grid.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  const cell = (name: string, column: number) => row(name).getByRole('gridcell').nth(column);
  const NAME = 1;
  const IMAGE = 2;
  const PORTS = 8;
  await expect(row('api')).toBeVisible();

  // 1440: an image like myorg/api:2.4.1 in full; and no text column is cut while another
  // one has room to spare (the fixed columns leave too little for every long value).
  await expect(cell('api', IMAGE)).toHaveText('myorg/api:2.4.1');
  expect(await isCut(cell('api', IMAGE))).toBe(false);
  const fit1440 = await Promise.all([NAME, IMAGE, PORTS].map((c) => columnFit(grid, c)));
  for (const [i, fit] of fit1440.entries()) {
    if (!fit.cut) continue;
    for (const [j, other] of fit1440.entries())
      if (j !== i)
        expect(other.spare, `column ${[NAME, IMAGE, PORTS][i]} is cut while ${[NAME, IMAGE, PORTS][j]} has room`).toBeLessThan(12);
  }

  // 1920: every name, image and port in full (lb publishes two), with no horizontal scrolling.
  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(cell('lb', PORTS)).toContainText('0.0.0.0:80->80/tcp');
  await expect.poll(() => isCut(cell('lb', PORTS))).toBe(false);
  for (const column of [NAME, IMAGE, PORTS]) expect((await columnFit(grid, column)).cut, `column ${column}`).toBe(false);
  expect(await grid.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoAxeViolations(page);
});

test('a filter with no match says so inside the table', async ({ page, oneTimeCode }) => {
  await signIn(page, oneTimeCode);
  await page.goto(`/grids/${GRID}/services?q=no-such-service-anywhere`);
  const grid = page.getByRole('grid', { name: `Services in ${GRID}` });
  const message = grid.getByRole('gridcell').filter({ hasText: 'No service matches the filter.' });
  await expect(message).toBeVisible();
  const [gridBox, messageBox, headerBox] = await Promise.all([
    grid.boundingBox(),
    message.boundingBox(),
    grid.getByRole('row').first().boundingBox(),
  ]);
  expect(messageBox?.y ?? 0).toBeGreaterThanOrEqual((headerBox?.y ?? 0) + (headerBox?.height ?? 0) - 1);
  expect((messageBox?.y ?? 0) + (messageBox?.height ?? 0)).toBeLessThanOrEqual((gridBox?.y ?? 0) + (gridBox?.height ?? 0));
  await expectNoAxeViolations(page);
});

test('every page heading has one size', async ({ page, oneTimeCode }) => {
  await signIn(page, oneTimeCode);
  const sizes = new Map<string, string>();
  for (const path of [
    `/grids/${GRID}/services`,
    `/grids/${GRID}/services/null/api`,
    `/grids/${GRID}/services/new`,
    `/grids/${GRID}/secrets`,
    `/grids/${GRID}/logs`,
    '/wall-builder',
  ]) {
    await page.goto(path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    sizes.set(path, await heading.evaluate((el) => `${getComputedStyle(el).fontSize} ${getComputedStyle(el).fontWeight}`));
  }
  expect(new Set(sizes.values()), JSON.stringify(Object.fromEntries(sizes))).toHaveProperty('size', 1);
});

test('the home link’s accessible name is its visible label', async ({ page, oneTimeCode }) => {
  await signIn(page, oneTimeCode);
  const home = page.getByRole('banner').getByRole('link').first();
  const visible = (await home.innerText()).replace(/\s+/g, ' ').trim();
  expect(visible).toBe('Kontena Dashboard');
  await expect(page.getByRole('link', { name: visible, exact: true })).toBeVisible();
});

for (const [locale, clock] of [
  ['en-US', /^\d\d:\d\d(:\d\d)? [AP]M$/],
  ['en-GB', /^\d\d:\d\d(:\d\d)?$/],
] as const) {
  test.describe(`the browser's locale ${locale}`, () => {
    test.use({ locale });

    test('one clock everywhere: the events table, the chart axes and the instances note', async ({ page, oneTimeCode }) => {
      test.setTimeout(90_000);
      await signIn(page, oneTimeCode);
      await page.goto(`/grids/${GRID}/services/null/api/events`);
      const firstTime = page.getByRole('region', { name: 'Events' }).getByRole('table').locator('tbody time').first();
      await expect(firstTime).toBeVisible();
      const tableTime = (await firstTime.innerText()).replace(/\u202f/g, ' ');
      expect(tableTime.replace(/^\d{4}-\d\d-\d\d /, '')).toMatch(clock);

      await page.goto(`/grids/${GRID}/services/null/api/stats`);
      // The time axis's ticks: the centred labels under the plot (the value axis's are right-aligned).
      const ticks = page.getByRole('figure', { name: 'CPU' }).locator('svg text[text-anchor="middle"]');
      await expect(ticks.first()).toBeVisible({ timeout: 40_000 });
      const labels = (await ticks.allTextContents()).map((t) => t.replace(/\u202f/g, ' ').trim()).filter((t) => t !== '');
      expect(labels.length).toBeGreaterThan(1);
      for (const label of labels) expect(label).toMatch(clock);

      await page.goto(`/grids/${GRID}/services/null/api/instances`);
      const updated = page.getByText(/^Updated /).first();
      await expect(updated).toBeVisible();
      expect((await updated.innerText()).replace(/\u202f/g, ' ').replace(/^Updated /, '')).toMatch(clock);
    });
  });
}

import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// This spec works on three services of its own, created through the API in the
// `production` grid with names starting "e2e-life-<run>", so the other specs' journeys on
// the shared demo master are not disturbed (and neither are these by theirs).
const GRID = 'production';
const run = Date.now().toString(36);
const PREFIX = `e2e-life-${run}`;
const A = `${PREFIX}-a`;
const B = `${PREFIX}-b`;
const C = `${PREFIX}-c`;

test.beforeAll(async ({ masterUrl }) => {
  for (const name of [A, B, C]) {
    expect(
      (
        await masterApi(masterUrl, 'POST', `/v1/grids/${GRID}/services`, {
          name,
          image: 'nginx:1.11-alpine',
          stateful: false,
          instances: 1,
        })
      ).status,
    ).toBe(201);
    expect((await masterApi(masterUrl, 'POST', `/v1/services/${GRID}/null/${name}/deploy`, {})).status).toBe(200);
  }
});

test.afterAll(async ({ masterUrl }) => {
  for (const name of [A, B, C]) await masterApi(masterUrl, 'DELETE', `/v1/services/${GRID}/null/${name}`);
});

function grid(page: Page): Locator {
  return page.getByRole('grid', { name: `Services in ${GRID}` });
}

function row(page: Page, name: string): Locator {
  return grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function rowAction(page: Page, name: string, item: RegExp): Promise<void> {
  await row(page, name)
    .getByRole('button', { name: `Actions for ${name}` })
    .click();
  await page
    .getByRole('menu', { name: `Actions for ${name}` })
    .getByRole('menuitem', { name: item })
    .click();
}

test('filter, scale 1 → 3 and watch the deploy, stop and start, bulk restart, remove', async ({ page, oneTimeCode, masterUrl }) => {
  test.setTimeout(180_000);
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto(`/grids/${GRID}/services`);
  await expect(grid(page)).toBeVisible();
  await expectNoAxeViolations(page);

  // Filter: only this spec's three services; the filter is in the URL.
  await page.getByRole('searchbox', { name: /filter services/i }).fill(PREFIX);
  await expect(grid(page).getByRole('row')).toHaveCount(4);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${PREFIX}`));
  await expect(row(page, A)).toContainText('running', { timeout: 20_000 });
  await expect(row(page, A)).toContainText('1/1', { timeout: 20_000 });

  // Scale A from 1 to 3 and watch the deploy record finish.
  await rowAction(page, A, /^Scale/);
  const dialog = page.getByRole('dialog', { name: `Scale ${A}` });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('textbox', { name: 'Instances' }).fill('3');
  await dialog.getByRole('button', { name: 'Scale' }).click();
  await expect(dialog).toBeHidden();
  const panel = page.getByRole('region', { name: `Scale to 3: ${A}` });
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-deploy-state', 'success', { timeout: 45_000 });
  await expect(panel).toContainText(/Scaled to 3: 3\/3 in/);
  await expect(page.getByText(`Scale to 3 of ${A} finished`)).toBeVisible();
  await expect(row(page, A)).toContainText('3/3', { timeout: 15_000 });

  // Stop it, then start it again.
  await rowAction(page, A, /^Stop$/);
  await expect(page.getByText(`Stop signal sent to ${A}`)).toBeVisible();
  await expect(row(page, A)).toContainText('stopped', { timeout: 15_000 });
  await rowAction(page, A, /^Start$/);
  await expect(page.getByText(`Start signal sent to ${A}`)).toBeVisible();
  await expect(row(page, A)).toContainText('running', { timeout: 15_000 });

  // Bulk: restart B and C, one result per service.
  await row(page, B)
    .getByRole('checkbox', { name: `Select ${B}` })
    .check();
  await row(page, C)
    .getByRole('checkbox', { name: `Select ${C}` })
    .check();
  const bulk = page.getByRole('toolbar', { name: 'Selected services' });
  await expect(bulk).toContainText('2 selected');
  await bulk.getByRole('button', { name: 'Restart' }).click();
  const results = page.getByRole('region', { name: 'Results: Restart of 2 services' });
  await expect(results).toContainText('all 2 done');
  await expect(results).toContainText(`Restart signal sent to ${B}`);
  await expect(results).toContainText(`Restart signal sent to ${C}`);
  await bulk.getByRole('button', { name: 'Clear selection' }).click();

  // Remove C, after a confirmation that names it.
  await rowAction(page, C, /^Remove/);
  const confirm = page.getByRole('alertdialog', { name: `Remove ${C}?` });
  await expect(confirm).toContainText(`The service ${C} and all its instances will be removed`);
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Remove service' }).click();
  await expect(page.getByText(`Removed ${C}`)).toBeVisible();
  await expect(row(page, C)).toHaveCount(0);
  expect((await masterApi(masterUrl, 'GET', `/v1/services/${GRID}/null/${C}`)).status).toBe(404);

  await expectNoAxeViolations(page);
});

test('the list from the keyboard, and its shortcut help', async ({ page, oneTimeCode }) => {
  test.setTimeout(60_000);
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto(`/grids/${GRID}/services?q=${PREFIX}`);
  await expect(grid(page).getByRole('row')).toHaveCount(3, { timeout: 15_000 });
  await row(page, A).focus();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, B)).toBeFocused();
  await page.keyboard.press(' ');
  await expect(row(page, B)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await row(page, B).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/services/null/${B}$`));
});

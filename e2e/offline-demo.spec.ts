import { createServer, type ViteDevServer } from 'vite';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// `npm start` as a newcomer meets it: the Vite dev server with the simulated master in
// the browser (an MSW service worker in front of a SharedWorker every tab shares, its
// world kept in IndexedDB). Each test has a browser context of its own, so a world of
// its own. The dev server is this spec's own, on a port chosen at run time.

// The dev server transforms modules on first request: the first page load is slow on a
// shared 2-core box.
test.describe.configure({ timeout: 120_000 });

let server: ViteDevServer;
let origin = '';

test.beforeAll(async ({ browser }) => {
  server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  // First visit in a throwaway context: Vite optimises the dependencies it discovers and
  // reloads the page once; the journeys below should not see that.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/grids/production/services`);
  await expect(page.getByRole('link', { name: 'api', exact: true })).toBeVisible({ timeout: 90_000 });
  await context.close();
});

test.afterAll(async () => {
  await server.close();
});

function list(page: Page): Locator {
  return page.getByRole('grid', { name: 'Services in production' });
}

function serviceLink(page: Page, name: string): Locator {
  return list(page).getByRole('link', { name, exact: true });
}

function row(page: Page, name: string): Locator {
  return list(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function openList(page: Page): Promise<void> {
  await page.goto(`${origin}/grids/production/services`);
  await expect(serviceLink(page, 'api')).toBeVisible({ timeout: 60_000 });
}

test('a reload keeps the service made in the demo, a second tab shows the same world, and a change in one tab shows in the other', async ({
  page,
  context,
}) => {
  await openList(page);
  await page.getByRole('link', { name: 'New service' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('kept-through-reload');
  await page.getByRole('textbox', { name: 'Image', exact: true }).fill('nginx:1.13');
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByText('Service kept-through-reload created in grid production.')).toBeVisible();
  const deploy = page.getByRole('region', { name: 'Deploy: kept-through-reload' });
  await expect(deploy).toHaveAttribute('data-deploy-state', 'success', { timeout: 30_000 });

  // A reload: the service and its instance are still there.
  await openList(page);
  await expect(row(page, 'kept-through-reload')).toContainText('1/1');
  await page.reload();
  await expect(row(page, 'kept-through-reload')).toContainText('1/1', { timeout: 30_000 });

  // A second tab of the same browser: the same world.
  const second = await context.newPage();
  await openList(second);
  await expect(row(second, 'kept-through-reload')).toContainText('1/1');

  // Stop a service in the second tab: the first tab shows it within one poll (5 s).
  await expect(row(page, 'redis')).toContainText('running');
  await row(second, 'redis').getByRole('button', { name: 'Actions for redis' }).click();
  await second
    .getByRole('menu', { name: 'Actions for redis' })
    .getByRole('menuitem', { name: /^Stop$/ })
    .click();
  await expect(row(page, 'redis')).toContainText('stopped', { timeout: 12_000 });

  // Every tab closed, the browser opened again: the world goes on.
  await second.close();
  await page.close();
  const again = await context.newPage();
  await openList(again);
  await expect(row(again, 'kept-through-reload')).toBeVisible();
  await expect(row(again, 'redis')).toContainText('stopped');
});

test('Reset the demo brings back the scenario in every tab, after a confirmation', async ({ page, context }) => {
  await openList(page);
  const wall = await context.newPage();
  await wall.goto(`${origin}/wall?grid=production&refresh=2s`);
  const tiles = wall.getByRole('list', { name: 'Services, problems first' });
  await expect(tiles.getByRole('heading', { name: 'api', exact: true })).toBeVisible({ timeout: 60_000 });

  await row(page, 'docs').getByRole('button', { name: 'Actions for docs' }).click();
  await page
    .getByRole('menu', { name: 'Actions for docs' })
    .getByRole('menuitem', { name: /^Remove/ })
    .click();
  await page.getByRole('alertdialog', { name: 'Remove docs?' }).getByRole('button', { name: 'Remove service' }).click();
  await expect(serviceLink(page, 'docs')).toHaveCount(0, { timeout: 15_000 });
  await expect(tiles.getByRole('heading', { name: 'docs', exact: true })).toHaveCount(0, { timeout: 15_000 });

  await page.getByRole('button', { name: 'admin: account menu' }).click();
  await page.getByRole('menuitem', { name: 'Reset the demo…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Reset the demo?' });
  await dialog.getByRole('button', { name: 'Reset the demo' }).click();

  // Both tabs reload into the scenario as it starts: docs is back, in each. The list's tab
  // goes home ("/", the grid's overview).
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible({ timeout: 60_000 });
  await openList(page);
  await expect(serviceLink(page, 'docs')).toBeVisible({ timeout: 60_000 });
  await expect(wall).toHaveURL(/\/wall\?grid=production/);
  await expect(tiles.getByRole('heading', { name: 'docs', exact: true })).toBeVisible({ timeout: 60_000 });
});

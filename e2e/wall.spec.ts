import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';
import type { Locator, Page } from '@playwright/test';

// The wall screen on the demo scenario. This spec changes only services it creates itself,
// `wall-probe-a` and `wall-probe-b` in grid staging (no other spec touches them), and it
// restarts the mock master once for 8 s (POST /__sim/restart) to see an outage heal.

// Deploys to wait for, an 8 s outage, and axe over a full wall of tiles on a shared 2-core box.
test.describe.configure({ timeout: 90_000 });

const REFRESH_MS = 2_000;
const WALL = `/wall?grid=staging&refresh=${REFRESH_MS / 1000}s`;

/** Creates (once) and deploys a probe service in staging, and waits until it runs. */
async function ensureRunningProbe(masterUrl: string, name: string): Promise<void> {
  const path = `/v1/services/staging/null/${name}`;
  if ((await masterApi(masterUrl, 'GET', path)).status === 404) {
    const created = await masterApi(masterUrl, 'POST', '/v1/grids/staging/services', { name, image: 'nginx:1.11-alpine', stateful: false });
    expect(created.status).toBe(201);
  }
  expect((await masterApi(masterUrl, 'POST', `${path}/deploy`)).status).toBe(200);
  await expect
    .poll(async () => (await masterApi(masterUrl, 'GET', path)).body as { state?: string; instance_counts?: { running?: number } }, {
      timeout: 20_000,
    })
    .toMatchObject({ state: 'running', instance_counts: { running: 1 } });
}

function tiles(page: Page): Locator {
  return page.getByRole('list', { name: 'Services, problems first' }).locator(':scope > li');
}

function tile(page: Page, name: string): Locator {
  return tiles(page).filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** The services on the wall in screen order, each with whether the wall calls it a problem. */
async function wallOrder(page: Page): Promise<{ name: string; problem: boolean }[]> {
  return tiles(page).evaluateAll((items) =>
    items.map((li) => ({ name: li.querySelector('h2')?.textContent ?? '', problem: li.getAttribute('data-problem') === 'true' })),
  );
}

test('the wall shows the demo grid; a service that stops goes in front of every healthy service within one refresh', async ({
  page,
  oneTimeCode,
  masterUrl,
}) => {
  await ensureRunningProbe(masterUrl, 'wall-probe-a');
  await ensureRunningProbe(masterUrl, 'wall-probe-b');
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);

  await page.goto(WALL);
  // No app chrome on the wall.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(tile(page, 'wall-probe-b')).toBeVisible();
  await expect(tile(page, 'mailhog')).toBeVisible();
  await expect(tile(page, 'wall-probe-b')).toHaveAttribute('data-problem', 'false');
  // The demo's payments service cannot deploy: it is a problem, at the top, in words.
  const first = tiles(page).first();
  await expect(first.getByRole('heading')).toHaveText('payments');
  await expect(first).toContainText('Down');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'wall');
  await expectNoAxeViolations(page);

  const before = await wallOrder(page);
  const firstHealthy = before.findIndex((t) => !t.problem);
  expect(before.findIndex((t) => t.name === 'wall-probe-b')).toBeGreaterThan(firstHealthy);

  expect((await masterApi(masterUrl, 'POST', '/v1/services/staging/null/wall-probe-b/stop')).status).toBe(200);
  // Within one refresh (plus the request itself): the tile says so and moves up.
  await expect(tile(page, 'wall-probe-b')).toHaveAttribute('data-problem', 'true', { timeout: 2 * REFRESH_MS + 1_000 });
  await expect(tile(page, 'wall-probe-b')).toContainText('Stopped');
  const after = await wallOrder(page);
  const probe = after.findIndex((t) => t.name === 'wall-probe-b');
  expect(after.slice(0, probe).every((t) => t.problem)).toBe(true);
  expect(probe).toBeLessThan(after.findIndex((t) => t.name === 'wall-probe-a'));
  await expectNoAxeViolations(page);

  expect((await masterApi(masterUrl, 'POST', '/v1/services/staging/null/wall-probe-b/start')).status).toBe(200);
});

test('a master outage shows since when, marks the tiles stale, and heals without a reload', async ({ page, oneTimeCode, masterUrl }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);
  await page.goto(WALL);
  await expect(tile(page, 'mailhog')).toHaveAttribute('data-stale', 'false');
  // Gone after a reload: proves the recovery happened in this same page.
  await page.evaluate(() => {
    (window as unknown as { wallMarker: boolean }).wallMarker = true;
  });

  const restart = await fetch(`${masterUrl}/__sim/restart`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ downMs: 8_000 }),
  });
  expect(restart.status).toBe(200);

  const banner = page.getByRole('alert');
  await expect(banner).toContainText(/Connection lost since \d{1,2}:\d{2}/, { timeout: 2 * REFRESH_MS + 2_000 });
  await expect(tile(page, 'mailhog')).toHaveAttribute('data-stale', 'true');
  await expect(tile(page, 'mailhog')).toContainText('Stale');
  // The last data stays on screen.
  expect(await tiles(page).count()).toBeGreaterThanOrEqual(7);
  await expectNoAxeViolations(page);

  await expect(banner).toHaveCount(0, { timeout: 25_000 });
  await expect(tile(page, 'mailhog')).toHaveAttribute('data-stale', 'false');
  expect(await page.evaluate(() => (window as unknown as { wallMarker?: boolean }).wallMarker)).toBe(true);
});

test('a wall signed in with a long-lived token shows a full-screen message when the token is revoked', async ({ page, masterUrl }) => {
  // What the README tells operators to do: `kontena master token create --expires-in 0`.
  const minted = await masterApi(masterUrl, 'POST', '/oauth2/authorize', { response_type: 'token', scope: 'user', expires_in: 0 });
  expect(minted.status).toBe(201);
  const token = (minted.body as { access_token: string }).access_token;

  await page.goto(`/sign-in?next=${encodeURIComponent(WALL)}`);
  await page.getByRole('tab', { name: /token/i }).click();
  await page.getByLabel(/access token/i).fill(token);
  await page.getByLabel(/remember on this device/i).check();
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(tile(page, 'mailhog')).toBeVisible();

  expect((await masterApi(masterUrl, 'DELETE', `/oauth2/tokens/${token}`)).status).toBe(201);
  await expect(page.getByRole('heading', { name: 'This wall screen is signed out' })).toBeVisible({ timeout: 2 * REFRESH_MS + 2_000 });
  await expect(page.getByText('kontena master token create --expires-in 0')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/wall');
  await expect(page.getByLabel(/access token/i)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the wall URL builder composes a wall address from the grids and options', async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wall' }).click();
  await expect(page).toHaveURL(/\/wall-builder/);
  await page.getByRole('group', { name: 'Grids' }).getByRole('checkbox', { name: 'staging' }).check();
  await page.getByLabel('Rotation').selectOption({ label: 'Every 30 s' });
  await page.getByLabel('Wall theme').selectOption('light');
  await expect(page.getByLabel('Wall URL')).toHaveValue(/\/wall\?grid=staging&rotate=30s&theme=light$/);
  await expectNoAxeViolations(page);

  const wallUrl = await page.getByLabel('Wall URL').inputValue();
  await page.goto(wallUrl);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(tile(page, 'mailhog')).toBeVisible();
  await expectNoAxeViolations(page);
});

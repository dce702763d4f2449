import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';

// Opening the wall never needs a second sign-in: in a new tab of the same browser, and
// on a screen on another machine through a one-time sign-in link. This spec only reads
// the demo scenario's services.

test.describe.configure({ timeout: 60_000 });

function wallTiles(page: Page) {
  return page.getByRole('list', { name: 'Services, problems first' });
}

test('"Open the wall" opens it signed in, in a new tab, after a sign-in that is not remembered', async ({ page, context, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto('/wall-builder?grid=production');
  const [wall] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open the wall' }).click()]);
  await expect(wallTiles(wall).getByRole('heading', { name: 'api', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(wall).toHaveURL(/\/wall\?grid=production/);
  // The new tab has a token of its own, kept for the tab only, like the first tab's.
  const stored = await wall.evaluate(() => ({
    tab: sessionStorage.getItem('kontena-dashboard.session'),
    device: localStorage.getItem('kontena-dashboard.session'),
  }));
  expect(stored.tab).not.toBeNull();
  expect(stored.device).toBeNull();
  const first = await page.evaluate(() => sessionStorage.getItem('kontena-dashboard.session'));
  expect(JSON.parse(stored.tab ?? '{}').accessToken).not.toBe(JSON.parse(first ?? '{}').accessToken);
});

test('a sign-in link signs in a screen on another machine once, and a second use says so', async ({ page, browser, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto('/wall-builder?grid=production&refresh=5s');
  await page.getByRole('button', { name: 'Make a sign-in link' }).click();
  const field = page.getByRole('textbox', { name: 'Sign-in link' });
  await expect(field).toHaveValue(/\/wall\?grid=production&refresh=5s#sign-in=[0-9a-f]+$/);
  await expect(page.getByText(/Works once, until/)).toBeVisible();
  await expectNoAxeViolations(page);
  const link = await field.inputValue();

  // The screen: another browser, nobody signed in.
  const screenContext = await browser.newContext();
  const screen = await screenContext.newPage();
  await screen.goto(link);
  await expect(wallTiles(screen).getByRole('heading', { name: 'api', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(screen).toHaveURL(/\/wall\?grid=production&refresh=5s$/);
  const remembered = await screen.evaluate(() => localStorage.getItem('kontena-dashboard.session'));
  expect(remembered).toContain('"remember":true');
  // The screen stays signed in when the browser is restarted on it (a new page, same profile).
  await screen.close();
  const again = await screenContext.newPage();
  await again.goto(link.replace(/#.*$/, ''));
  await expect(wallTiles(again).getByRole('heading', { name: 'api', exact: true })).toBeVisible({ timeout: 20_000 });
  await screenContext.close();

  // The same link on a third machine: used already, said in plain words.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(link);
  await expect(other.getByText('This sign-in link has been used')).toBeVisible({ timeout: 20_000 });
  await expect(other).toHaveURL(/\/sign-in\?next=/);
  expect(other.url()).not.toContain('sign-in=');
  await expectNoAxeViolations(other);
  await otherContext.close();
});

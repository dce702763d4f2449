import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';

test('signs in with a one-time code and sees the demo grid and its services', async ({ page, oneTimeCode }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoAxeViolations(page);

  await signInWithCode(page, oneTimeCode);

  // "/" lands on the grid's overview; its Services link lists them.
  await expect(page).toHaveURL(/\/grids\/[^/]+$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
  await expect(page).toHaveURL(/\/grids\/[^/]+\/services/);
  // The demo grid's services are listed by name; stack services as stack/name.
  const list = page.getByRole('grid', { name: /services/i });
  await expect(list.getByRole('link').first()).toBeVisible();
  expect(await list.getByRole('link').count()).toBeGreaterThanOrEqual(5);
  await expect(list.getByRole('link', { name: /\// }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a malformed token gets a clear message next to the field and is not sent', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/v1/')) apiCalls.push(req.url());
  });
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: /token/i }).click();
  const field = page.getByLabel(/access token/i);
  await field.fill('not-a-token');
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByText(/64 hex/i)).toBeVisible();
  await expect(field).toHaveValue('not-a-token');
  expect(apiCalls).toEqual([]);
});

import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi as masterApiAt } from './master-api';

// A service of its own in `production` ("e2e-audit-…"), so the journeys of other specs on
// the shared demo master are not disturbed (and neither is this one by theirs).
const GRID = 'production';
const run = Date.now().toString(36);
const APP = `e2e-audit-${run}`;

const masterApi = (method: string, path: string, body?: unknown) => masterApiAt(process.env.E2E_MASTER_URL ?? '', method, path, body);

test.describe.configure({ timeout: 60_000 });

test.beforeAll(async () => {
  const created = await masterApi('POST', `/v1/grids/${GRID}/services`, {
    name: APP,
    image: 'nginx:1.11-alpine',
    stateful: false,
    instances: 1,
  });
  expect(created.status).toBe(201);
});

test.afterAll(async () => {
  await masterApi('DELETE', `/v1/services/${GRID}/null/${APP}`);
});

test('a service changed in the app shows up in the audit trail with who did it', async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);

  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  await expect(page.getByRole('heading', { level: 1, name: APP })).toBeVisible();
  const env = page.getByRole('region', { name: 'Environment' });
  await env.getByLabel('Add variable').fill('E2E_AUDIT=on');
  await env.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(env.getByRole('row', { name: /E2E_AUDIT/ })).toBeVisible();

  await page.goto(`/grids/${GRID}/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filter the audit trail' });
  await filters.getByLabel('Resource name').fill(`"${APP}"`);
  await expect(page).toHaveURL(new RegExp(`resource=%22${APP}%22`));
  const table = page.getByRole('table', { name: /entries/ });
  const rows = table.getByRole('row').filter({ hasText: 'add_env' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('admin');
  await expect(rows.first()).toContainText('127.0.0.1');
  await expect(rows.first().getByRole('link', { name: APP })).toHaveAttribute('href', `/grids/${GRID}/services/null/${APP}`);
  await expectNoAxeViolations(page);

  // The service page says who changed it last, and links back here narrowed to it.
  await rows.first().getByRole('link', { name: APP }).click();
  const line = page.getByRole('link', { name: /^Changed by admin/ });
  await expect(line).toContainText('add_env');
  await line.click();
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/audit\\?type=GridService&resource=%22${APP}%22`));
  // The header row, the add_env and the create (by the API in beforeAll): only this service's entries.
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').filter({ hasText: 'create' })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

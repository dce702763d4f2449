import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi as masterApiAt } from './master-api';

// This spec works on services and a secret of its own, created through the API in the
// `production` grid with names starting "e2e-detail-", so the journeys of other specs on
// the shared demo master are not disturbed (and neither are these by theirs).
const GRID = 'production';
const run = Date.now().toString(36);
const APP = `e2e-detail-app-${run}`;
const DB = `e2e-detail-db-${run}`;
const SECRET = `E2E_DETAIL_${run.toUpperCase()}`;

const masterApi = (method: string, path: string, body?: unknown) => masterApiAt(process.env.E2E_MASTER_URL ?? '', method, path, body);

// Each journey runs several axe scans on a 2-core machine shared with other work.
test.describe.configure({ timeout: 60_000 });

test.beforeAll(async () => {
  for (const name of [DB, APP]) {
    const created = await masterApi('POST', `/v1/grids/${GRID}/services`, {
      name,
      image: 'nginx:1.11-alpine',
      stateful: false,
      instances: 1,
      env: ['GREETING=hello'],
    });
    expect(created.status).toBe(201);
    expect((await masterApi('POST', `/v1/services/${GRID}/null/${name}/deploy`, {})).status).toBe(200);
  }
  expect((await masterApi('POST', `/v1/grids/${GRID}/secrets`, { name: SECRET, value: 'e2e-value' })).status).toBe(201);
});

test.afterAll(async () => {
  await masterApi('DELETE', `/v1/services/${GRID}/null/${APP}`);
  await masterApi('DELETE', `/v1/services/${GRID}/null/${DB}`);
  await masterApi('DELETE', `/v1/secrets/${GRID}/${SECRET}`);
});

test.beforeEach(async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
});

test('adds and removes an environment variable', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  await expect(page.getByRole('heading', { level: 1, name: APP })).toBeVisible();
  const env = page.getByRole('region', { name: 'Environment' });
  await expect(env.getByRole('row', { name: /GREETING/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await env.getByLabel('Add variable').fill('E2E_FLAG=on and <b>bold</b>');
  await env.getByRole('button', { name: 'Add', exact: true }).click();
  const row = env.getByRole('row', { name: /E2E_FLAG/ });
  await expect(row).toBeVisible();
  await expect(env.getByRole('status')).toContainText('about 20 s later');
  await row.getByRole('button', { name: 'Show the value of E2E_FLAG' }).click();
  await expect(row).toContainText('on and <b>bold</b>');

  await row.getByRole('button', { name: 'Remove E2E_FLAG' }).click();
  await env.getByRole('button', { name: 'Yes, remove E2E_FLAG' }).click();
  await expect(env.getByRole('row', { name: /E2E_FLAG/ })).toHaveCount(0);
  const service = (await masterApi('GET', `/v1/services/${GRID}/null/${APP}`)).body as { env: string[] };
  expect(service.env).toEqual(['GREETING=hello']);
});

test('links and unlinks a secret, which the grid’s secrets page lists as used', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await secrets.getByRole('combobox', { name: 'Vault secret' }).fill(SECRET);
  await secrets.getByLabel('As variable').fill('E2E_PASSWORD');
  await secrets.getByRole('button', { name: 'Link secret', exact: true }).click();
  await expect(secrets.getByRole('row', { name: new RegExp(SECRET) })).toContainText('E2E_PASSWORD');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secrets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`^${SECRET}`) }).getByRole('link', { name: APP })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  await secrets.getByRole('button', { name: `Unlink secret ${SECRET} (E2E_PASSWORD)` }).click();
  await expect(secrets.getByRole('row', { name: new RegExp(SECRET) })).toHaveCount(0);
  const service = (await masterApi('GET', `/v1/services/${GRID}/null/${APP}`)).body as { secrets: unknown[] };
  expect(service.secrets).toEqual([]);
});

test('links and unlinks a service, which then lists who links to it', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  const links = page.getByRole('region', { name: 'Links' });
  await links.getByRole('combobox', { name: 'Link to service' }).fill(DB);
  await links.getByLabel('Alias').fill('db');
  await links.getByRole('button', { name: 'Link service', exact: true }).click();
  await expect(links.getByRole('link', { name: DB })).toHaveAttribute('href', `/grids/${GRID}/services/null/${DB}`);

  await links.getByRole('link', { name: DB }).click();
  await expect(page.getByRole('heading', { level: 1, name: DB })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Services that link to this one' }).getByRole('link', { name: APP })).toBeVisible();

  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  await links.getByRole('button', { name: `Unlink ${DB}` }).click();
  await expect(links.getByRole('link', { name: DB })).toHaveCount(0);
  const service = (await masterApi('GET', `/v1/services/${GRID}/null/${APP}`)).body as { links: unknown[] };
  expect(service.links).toEqual([]);
});

test('watches an event arrive after a deploy', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services/null/${APP}`);
  await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(new RegExp(`/services/null/${APP}/events$`));
  const tab = page.getByRole('region', { name: 'Events' });
  await expect(tab.getByText('live')).toBeVisible();
  // The master writes "service <grid>/null/<name> …"; the table names a default-stack service by its name.
  const started = `service ${APP} deploy started`;
  const before = await tab.getByText(started).count();
  await expectNoAxeViolations(page);

  expect((await masterApi('POST', `/v1/services/${GRID}/null/${APP}/deploy`, {})).status).toBe(200);
  await expect(tab.getByText(started)).toHaveCount(before + 1);
  await expect(tab.getByRole('row', { name: new RegExp(started) }).first()).toContainText('deploy');
});

import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, mintCode, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// Issue #15 item 2: nothing typed is lost when the session ends, and every tab says why.
// This journey creates its own service (drafts-e2e) in grid production; no other spec
// touches it. The tokens it revokes are the ones its own pages signed in with.
const NAME = 'drafts-e2e';
const SESSION_KEY = 'kontena-dashboard.session';
const DRAFT_PREFIX = 'kontena-dashboard.draft.';

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** The access token this page signed in with, read from where the app keeps it. */
async function pageToken(page: Page, where: 'sessionStorage' | 'localStorage'): Promise<string> {
  const stored = await page.evaluate(([area, key]) => globalThis[area as 'sessionStorage' | 'localStorage'].getItem(key), [
    where,
    SESSION_KEY,
  ] as const);
  const token = stored === null ? undefined : (JSON.parse(stored) as { accessToken?: string }).accessToken;
  if (token === undefined) throw new Error(`no session in ${where}`);
  return token;
}

async function drafts(page: Page): Promise<string[]> {
  return page.evaluate((prefix) => Object.keys(sessionStorage).filter((key) => key.startsWith(prefix)), DRAFT_PREFIX);
}

test.beforeEach(async ({ masterUrl }) => {
  await masterApi(masterUrl, 'DELETE', `/v1/services/production/null/${NAME}`);
});

test.afterEach(async ({ masterUrl }) => {
  await masterApi(masterUrl, 'DELETE', `/v1/services/production/null/${NAME}`);
});

test('the token revoked mid-edit: sign-in says why, and after signing in again the form offers what was typed; restored, it saves', async ({
  page,
  oneTimeCode,
  masterUrl,
}) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto('/grids/production/services/new');
  await textbox(page, 'Name').fill(NAME);
  await textbox(page, 'Image').fill('nginx:1.13');
  await textbox(page, 'Instances').fill('2');
  await textbox(page, 'Memory').fill('128m');

  // An admin revokes this page's token while the form is half-filled and unsaved.
  expect((await masterApi(masterUrl, 'DELETE', `/oauth2/tokens/${await pageToken(page, 'sessionStorage')}`)).status).toBe(201);
  await page.getByRole('button', { name: 'Create service' }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgrids%2Fproduction%2Fservices%2Fnew&reason=ended$/);
  await expect(page.getByText('Signed out: the sign-in was revoked')).toBeVisible();
  await expect(page.getByText(/did not save is kept in this tab/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(/one-time code/i).fill(await mintCode());
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(/\/grids\/production\/services\/new$/);
  const offer = page.getByRole('region', { name: 'Unsaved draft: New service' });
  await expect(offer).toContainText(/Restore what you typed at \d{2}:\d{2}/);
  await expect(offer).toContainText('4 fields');
  await expect(textbox(page, 'Name')).toHaveValue('');
  await expectNoAxeViolations(page);

  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toHaveCount(0);
  await expect(textbox(page, 'Name')).toHaveValue(NAME);
  await expect(textbox(page, 'Image')).toHaveValue('nginx:1.13');
  await expect(textbox(page, 'Instances')).toHaveValue('2');
  await expect(textbox(page, 'Memory')).toHaveValue('128m');

  await page.getByLabel('Deploy now').uncheck();
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByText(`Service ${NAME} created in grid production.`)).toBeVisible();
  const created = await masterApi(masterUrl, 'GET', `/v1/services/production/null/${NAME}`);
  expect(created.body).toMatchObject({ image: 'nginx:1.13', instances: 2, memory: 134217728 });
  expect(await drafts(page)).toEqual([]);
});

test('a reload keeps the draft: it is offered, and Discard lets it go', async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto('/grids/production/services/new');
  await textbox(page, 'Name').fill(NAME);
  await textbox(page, 'Image').fill('redis');
  await page.reload();

  const offer = page.getByRole('region', { name: 'Unsaved draft: New service' });
  await expect(offer).toContainText('2 fields');
  await offer.getByRole('button', { name: 'Discard' }).click();
  await expect(offer).toHaveCount(0);
  expect(await drafts(page)).toEqual([]);
  await page.reload();
  await expect(textbox(page, 'Name')).toHaveValue('');
  await expect(offer).toHaveCount(0);
});

test('two tabs on a remembered session: when the master refuses its token, both say why', async ({
  page,
  context,
  oneTimeCode,
  masterUrl,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel(/one-time code/i).fill(oneTimeCode);
  await page.getByLabel(/remember on this device/i).check();
  await page.getByRole('button', { name: /^sign in$/i }).click();
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  // The first tab polls the services list; the second sits on a form that sends nothing.
  await page.goto('/grids/production/services?refresh=2');
  await expect(page.getByRole('grid', { name: 'Services in production' })).toBeVisible();
  const second = await context.newPage();
  await second.goto('/grids/production/services/new');
  await textbox(second, 'Name').fill(NAME);
  // What the master refused the second tab itself: it should learn from the first tab, not find out on its own.
  const refusedHere: string[] = [];
  second.on('response', (response) => {
    if (response.status() === 403) refusedHere.push(response.url());
  });

  expect((await masterApi(masterUrl, 'DELETE', `/oauth2/tokens/${await pageToken(page, 'localStorage')}`)).status).toBe(201);

  for (const tab of [page, second]) {
    await expect(tab).toHaveURL(/\/sign-in\?/, { timeout: 15_000 });
    await expect(tab.getByText('Signed out: the sign-in was revoked')).toBeVisible();
  }
  expect(refusedHere).toEqual([]);
  await expectNoAxeViolations(second);

  // The second tab's half-typed form is offered back once it signs in again.
  await second.getByLabel(/one-time code/i).fill(await mintCode());
  await second.getByRole('button', { name: /^sign in$/i }).click();
  await expect(second).toHaveURL(/\/grids\/production\/services\/new$/);
  await expect(second.getByRole('region', { name: 'Unsaved draft: New service' })).toContainText(
    'It was not saved, and is kept in this browser tab.',
  );
});

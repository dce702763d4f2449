import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi as masterApiAt } from './master-api';

// The volumes page on the shared demo master. The journey creates and removes a volume of
// its own ("e2e-vol-…"), and only reads the demo's pgdata (mounted by shop/postgres).
const GRID = 'production';
const VOLUME = `e2e-vol-${Date.now().toString(36)}`;

const masterApi = (method: string, path: string, body?: unknown) => masterApiAt(process.env.E2E_MASTER_URL ?? '', method, path, body);

test.describe.configure({ timeout: 60_000 });

function row(page: Page, name: string): Locator {
  return page
    .getByRole('table', { name: /volumes/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test.afterAll(async () => {
  // Left behind only when the journey failed half-way.
  await masterApi('DELETE', `/v1/volumes/${GRID}/${VOLUME}`);
});

test.beforeEach(async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);
});

test('create a volume, see it listed, remove it', async ({ page }) => {
  await page.goto(`/grids/${GRID}/volumes`);
  const form = page.getByRole('form', { name: 'New volume' });
  await form.getByRole('textbox', { name: 'Name' }).fill(VOLUME);
  await form.getByRole('radio', { name: /^grid\b/ }).check();
  await form.getByRole('textbox', { name: 'Option 1 key' }).fill('type');
  await form.getByRole('textbox', { name: 'Option 1 value' }).fill('tmpfs');
  await expect(form.getByTestId('cli-line')).toHaveText(
    `kontena volume create --grid ${GRID} --driver local --scope grid --driver-opt type=tmpfs ${VOLUME}`,
  );
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Create volume' }).click();

  const created = row(page, VOLUME);
  await expect(created).toContainText('type=tmpfs');
  await expect(created).toContainText('no service');
  await expect(page.getByText(`Created ${VOLUME}.`)).toBeVisible();

  await created.getByRole('button', { name: `Remove ${VOLUME}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Remove volume ${VOLUME}?` });
  await expect(dialog.getByTestId('cli-line')).toHaveText(`kontena volume rm --grid ${GRID} ${VOLUME}`);
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Remove volume' }).click();
  await expect(dialog).toBeHidden();
  await expect(created).toHaveCount(0);
  expect((await masterApi('GET', `/v1/volumes/${GRID}/${VOLUME}`)).status).toBe(404);
});

test('a used volume names its services, and its service page links to it', async ({ page }) => {
  await page.goto(`/grids/${GRID}/services/shop/postgres`);
  await page.getByRole('link', { name: 'pgdata:/var/lib/postgresql/data' }).click();
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/volumes\\?volume=pgdata$`));
  const pgdata = row(page, 'pgdata');
  await expect(pgdata).toHaveAttribute('aria-current', 'true');
  await expect(pgdata.getByRole('link', { name: 'shop/postgres' })).toBeVisible();
  await expect(pgdata).toContainText('shop.postgres.pgdata-1');
  const remove = pgdata.getByRole('button', { name: 'Remove pgdata' });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription('in use by shop/postgres');
  await expectNoAxeViolations(page);
});

import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';

// Stacks in a real browser against the shared demo master: the list, a stack's page, and a
// whole-stack deploy watched service by service to success. It deploys the demo's
// `wordpress` stack of the `staging` grid as it is (its services keep their settings), so
// it creates nothing that needs cleaning up.
const GRID = 'staging';
const STACK = 'wordpress';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page, oneTimeCode }) => {
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
});

test('the stacks list, a stack’s page, and a deploy followed service by service to success; axe on both pages', async ({ page }) => {
  await page.goto(`/grids/${GRID}/stacks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${STACK}\\b`) });
  await expect(row).toContainText('kontena/wordpress:0.2.0');
  await expect(row).toContainText('*:8080->80/tcp');
  await expectNoAxeViolations(page);

  await row.getByRole('link', { name: STACK }).click();
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/stacks/${STACK}$`));
  await expect(page.getByRole('heading', { level: 1, name: STACK })).toBeVisible();
  const services = page.getByRole('table', { name: 'Services' });
  await expect(services.getByRole('link', { name: 'mysql' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Equivalent CLI commands' })).toContainText(`kontena stack deploy ${STACK}`);
  await expectNoAxeViolations(page);

  await page
    .getByRole('group', { name: `Actions for stack ${STACK}` })
    .getByRole('button', { name: 'Deploy' })
    .click();
  const progress = page.getByRole('region', { name: `Stack deploy: ${STACK}` });
  await expect(progress).toBeVisible();
  const steps = progress.getByRole('list', { name: `Services of the deploy of ${STACK}, in order` });
  // One at a time: mysql first (wordpress links to it), while wordpress waits.
  await expect(steps.locator(':scope > li').first()).toContainText('mysql', { timeout: 20_000 });
  await expect(progress).toHaveAttribute('data-deploy-state', 'success', { timeout: 100_000 });
  await expect(progress.getByRole('status')).toContainText('Deployed 2 services');
  await expect(steps.locator(':scope > li')).toHaveCount(2);
  for (const li of await steps.locator(':scope > li').all()) await expect(li).toContainText('deployed');
  await expectNoAxeViolations(page);
});

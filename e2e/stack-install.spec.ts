import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// Issue #19's install journey in a real browser against the shared demo master: a stack
// file with one variable opened through the file picker, installed, deployed and watched
// service by service to success on the stack's page, upgraded with one image changed (the
// diff says so), then removed from its page. It creates only its own stack and removes it.
const GRID = 'production';
const STACK = 'e2e-install';

const file = (image: string) => `stack: e2e/${STACK}
version: 1.0.0
variables:
  greeting:
    type: string
    from:
      prompt: Greeting
services:
  cache:
    image: redis:3.2-alpine
  web:
    image: ${image}
    links:
      - cache
    environment:
      GREETING: \${greeting}
`;

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page, oneTimeCode, masterUrl }) => {
  // A run stopped half-way leaves its stack behind: start from none.
  const left = await masterApi(masterUrl, 'DELETE', `/v1/stacks/${GRID}/${STACK}`);
  if (left.status === 200) {
    await expect.poll(async () => (await masterApi(masterUrl, 'GET', `/v1/stacks/${GRID}/${STACK}`)).status, { timeout: 60_000 }).toBe(404);
  }
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
});

test('install a stack from a file, deploy it, upgrade one image, remove it; axe on the filled install form', async ({ page }) => {
  await page.goto(`/grids/${GRID}/stacks`);
  await page.getByRole('link', { name: 'Install a stack' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Install a stack' })).toBeVisible();

  await page.getByLabel('Open a stack file').setInputFiles({
    name: 'kontena.yml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(file('nginx:1.11-alpine')),
  });
  await expect(page.getByRole('textbox', { name: 'Stack file (kontena.yml)' })).toHaveValue(file('nginx:1.11-alpine'));
  await expect(page.getByRole('textbox', { name: 'Stack name' })).toHaveValue(STACK);
  const greeting = page.getByRole('textbox', { name: /^Greeting/ });
  await expect(greeting).toHaveAccessibleDescription(/needs a value/);
  await expect(page.getByRole('button', { name: 'Install' })).toBeDisabled();
  await greeting.fill('hello');

  const preview = page.getByRole('list', { name: 'Services the install creates' });
  await expect(preview.getByRole('listitem').filter({ hasText: 'web' })).toContainText('nginx:1.11-alpine');
  await expect(preview.getByRole('listitem').filter({ hasText: 'web' })).toContainText('cache:cache');
  await expect(page.getByTestId('cli-line')).toHaveText(`kontena stack install --name ${STACK} -v greeting=hello kontena.yml`);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Install' }).click();
  await expect(page.getByRole('heading', { name: `Stack ${STACK} installed` })).toBeVisible();
  await page.getByRole('button', { name: 'Deploy now' }).click();

  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/stacks/${STACK}$`));
  const progress = page.getByRole('region', { name: `Stack deploy: ${STACK}` });
  await expect(progress).toBeVisible();
  const steps = progress.getByRole('list', { name: `Services of the deploy of ${STACK}, in order` });
  await expect(steps.locator(':scope > li').first()).toContainText('cache', { timeout: 30_000 });
  await expect(progress).toHaveAttribute('data-deploy-state', 'success', { timeout: 120_000 });
  for (const li of await steps.locator(':scope > li').all()) await expect(li).toContainText('deployed');

  await page.getByRole('link', { name: 'Upgrade' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Upgrade ${STACK}` })).toBeVisible();
  await page.getByRole('button', { name: /Start from the installed file/ }).click();
  const source = page.getByRole('textbox', { name: 'Stack file (kontena.yml)' });
  // The master keeps the text without its last line break.
  await expect(source).toHaveValue(file('nginx:1.11-alpine').trimEnd());
  await source.fill(file('nginx:1.12-alpine'));
  const changes = page.getByRole('list', { name: 'Changes to the services' });
  await expect(changes.getByLabel('Changes to web')).toContainText('nginx:1.11-alpine');
  await expect(changes.getByLabel('Changes to web')).toContainText('nginx:1.12-alpine');
  await expect(page.getByTestId('cli-line')).toHaveText(`kontena stack upgrade ${STACK} kontena.yml`);
  await page.getByRole('button', { name: 'Upgrade' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Stack ${STACK} upgraded to revision 2$`) })).toBeVisible();

  // The upgrade saves a revision; the services change at the deploy.
  await page.getByRole('button', { name: 'Deploy now' }).click();
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/stacks/${STACK}$`));
  await expect(page.getByRole('region', { name: `Stack deploy: ${STACK}` })).toHaveAttribute('data-deploy-state', 'success', {
    timeout: 120_000,
  });
  await expect(page.getByRole('table', { name: 'Services' }).getByRole('row', { name: /^web\b/ })).toContainText('nginx:1.12-alpine');
  await page.getByRole('button', { name: 'Remove…' }).click();
  await page
    .getByRole('alertdialog', { name: `Remove stack ${STACK}?` })
    .getByRole('button', { name: 'Remove stack' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/grids/${GRID}/stacks$`), { timeout: 60_000 });
  await expect(page.getByRole('row', { name: new RegExp(`^${STACK}\\b`) })).toHaveCount(0);
});

import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// This journey creates and changes its own service (form-e2e-every) in grid production;
// no other spec touches it, and the services it links to are only read.
const NAME = 'form-e2e-every';

async function masterGet(masterUrl: string, path: string): Promise<Record<string, unknown>> {
  const answer = await masterApi(masterUrl, 'GET', path);
  expect(answer.status).toBe(200);
  return answer.body as Record<string, unknown>;
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
// An input with suggestions (a datalist) is a combobox.
const suggested = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

async function addRow(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('create a service with every option, deploy it, edit two options, review the diff, save', async ({ page, oneTimeCode, masterUrl }) => {
  test.setTimeout(240_000);
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto('/grids/production/services/new');

  // General
  await textbox(page, 'Name').fill(NAME);
  await textbox(page, 'Image').fill('nginx:1.13');
  await textbox(page, 'Instances').fill('2');
  await textbox(page, 'User').fill('www-data');
  await textbox(page, 'Cmd').fill('nginx -g "daemon off;"');
  await textbox(page, 'Entrypoint').fill('/docker-entrypoint.sh');
  // Networking
  await addRow(page, 'Add port');
  await textbox(page, 'Port 1').fill('8080:80');
  await addRow(page, 'Add port');
  await textbox(page, 'Port 2').fill('127.0.0.1:5353:53/udp');
  await addRow(page, 'Add link');
  await page.getByRole('combobox', { name: 'Link 1 service' }).selectOption('redis');
  await textbox(page, 'Link 1 alias').fill('cache');
  await addRow(page, 'Add link');
  await page.getByRole('combobox', { name: 'Link 2 service' }).selectOption('shop/postgres');
  // Storage
  await addRow(page, 'Add volume');
  await textbox(page, 'Volume 1').fill('/data');
  await addRow(page, 'Add volume');
  await textbox(page, 'Volume 2').fill('/var/log:/host-log:ro');
  await addRow(page, 'Add volumes-from container');
  await textbox(page, 'Volumes from 1').fill('data-%s');
  // Environment & secrets: env pasted as lines
  await page.getByRole('button', { name: 'Paste KEY=VALUE lines' }).click();
  await textbox(page, 'KEY=VALUE lines').fill('A=1\nMSG=hello world');
  await page.getByRole('button', { name: 'Add to the list' }).click();
  await addRow(page, 'Add secret');
  await page.getByRole('combobox', { name: 'Secret 1 from the vault' }).selectOption('DB_PASSWORD');
  await textbox(page, 'Secret 1 variable name').fill('DATABASE_PASSWORD');
  // Resources
  await textbox(page, 'CPU shares').fill('512');
  await textbox(page, 'Memory').fill('512m');
  await textbox(page, 'Memory swap').fill('1g');
  // Security
  await page.getByRole('checkbox', { name: 'Privileged' }).check();
  await page.getByRole('checkbox', { name: 'Pid host' }).check();
  await addRow(page, 'Add added capability');
  await suggested(page, 'Added capability 1').fill('NET_ADMIN');
  await addRow(page, 'Add dropped capability');
  await suggested(page, 'Dropped capability 1').fill('MKNOD');
  await addRow(page, 'Add device');
  await textbox(page, 'Device 1').fill('/dev/fuse');
  // Logging
  await suggested(page, 'Log driver').fill('syslog');
  await addRow(page, 'Add log option');
  await textbox(page, 'Log option 1 name').fill('tag');
  await textbox(page, 'Log option 1 value').fill('web');
  // Deploy
  await page.getByRole('combobox', { name: 'Deploy strategy' }).selectOption('random');
  await textbox(page, 'Deploy wait for port').fill('80');
  await textbox(page, 'Deploy min health').fill('0.5');
  await textbox(page, 'Deploy interval').fill('1h');
  await addRow(page, 'Add affinity rule');
  await page.getByRole('combobox', { name: 'Affinity 1 kind' }).selectOption('label');
  await suggested(page, 'Affinity 1 value').fill('az=a');
  // Health check
  await page.getByRole('combobox', { name: 'Health check protocol' }).selectOption('http');
  await textbox(page, 'Health check port').fill('80');
  await textbox(page, 'Health check URI').fill('/health');
  await textbox(page, 'Health check timeout').fill('5');
  await textbox(page, 'Health check interval').fill('30');
  await textbox(page, 'Health check initial delay').fill('15');
  // Hooks
  await addRow(page, 'Add hook');
  await textbox(page, 'Hook 1 name').fill('warm');
  await textbox(page, 'Hook 1 command').fill('curl -s localhost/warm');
  await page.getByRole('checkbox', { name: 'Hook 1 runs once' }).check();

  await expect(page.getByText('Ready to create.')).toBeVisible();
  await expect(page.getByTestId('cli-line')).toContainText(`kontena service create --grid production -p 8080:80 -p 127.0.0.1:5353:53/udp`);
  await expect(page.getByTestId('cli-line')).toContainText(`--privileged --cap-add NET_ADMIN`);
  await expect(page.getByText(/Not in the line: entrypoint/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Deploy now' })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(page.getByText(`Service ${NAME} created in grid production.`)).toBeVisible();
  const deploy = page.getByRole('region', { name: `Deploy: ${NAME}` });
  await expect(deploy).toHaveAttribute('data-deploy-state', 'success', { timeout: 30_000 });
  await expectNoAxeViolations(page);

  // Read back from the master, field by field.
  const created = await masterGet(masterUrl, `/v1/services/production/null/${NAME}`);
  expect(created).toMatchObject({
    image: 'nginx:1.13',
    instances: 2,
    user: 'www-data',
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: '/docker-entrypoint.sh',
    stateful: false,
    ports: [
      { ip: '0.0.0.0', protocol: 'tcp', node_port: 8080, container_port: 80 },
      { ip: '127.0.0.1', protocol: 'udp', node_port: 5353, container_port: 53 },
    ],
    net: 'bridge',
    links: [
      { id: 'production/null/redis', alias: 'cache', name: 'redis' },
      { id: 'production/shop/postgres', alias: 'shop/postgres', name: 'postgres' },
    ],
    volumes: ['/data', '/var/log:/host-log:ro'],
    volumes_from: ['data-%s'],
    env: ['A=1', 'MSG=hello world'],
    secrets: [{ name: 'DATABASE_PASSWORD', secret: 'DB_PASSWORD', type: 'env' }],
    cpu_shares: 512,
    memory: 536870912,
    memory_swap: 1073741824,
    cap_add: ['NET_ADMIN'],
    cap_drop: ['MKNOD'],
    pid: 'host',
    log_driver: 'syslog',
    log_opts: { tag: 'web' },
    strategy: 'random',
    deploy_opts: { wait_for_port: 80, min_health: 0.5, interval: 3600 },
    affinity: ['label==az=a'],
    health_check: { protocol: 'http', uri: '/health', port: 80, timeout: 5, interval: 30, initial_delay: 15 },
    hooks: [{ name: 'warm', cmd: 'curl -s localhost/warm', oneshot: true, type: 'post_start' }],
  });

  // Edit two options on the service's Settings tab.
  await page.getByRole('link', { name: 'Edit its settings' }).click();
  await expect(page).toHaveURL(new RegExp(`/services/null/${NAME}/settings$`));
  await expect(textbox(page, 'Image')).toHaveValue('nginx:1.13');
  await expect(textbox(page, 'Memory')).toHaveValue('512m');
  await expect(textbox(page, 'Name')).toHaveAttribute('readonly', '');
  await expectNoAxeViolations(page);
  await textbox(page, 'Image').fill('nginx:1.14');
  await textbox(page, 'Memory').fill('1g');
  await expect(page.getByText('2 fields changed.')).toBeVisible();
  await page.getByRole('button', { name: 'Review changes' }).click();

  const review = page.getByRole('region', { name: `Review the changes to ${NAME}` });
  await expect(review).toContainText('2 fields change');
  await expect(review).toContainText('nginx:1.13 → nginx:1.14');
  await expect(review).toContainText('512 MiB → 1 GiB');
  await expect(review.getByTestId('cli-line')).toHaveText(`kontena service update --grid production --image nginx:1.14 -m 1g ${NAME}`);
  await expect(review.getByText(/redeploys a running service by itself about 20 s/)).toBeVisible();
  await expectNoAxeViolations(page);

  const put = page.waitForRequest((req) => req.method() === 'PUT' && req.url().endsWith(`/v1/services/production/null/${NAME}`));
  await review.getByRole('button', { name: 'Save changes' }).click();
  // Only what changed is sent: privileged, untouched, is not reset as the CLI would.
  expect((await put).postDataJSON()).toEqual({ image: 'nginx:1.14', memory: 1073741824 });
  await expect(page.getByText(`Saved ${NAME}: revision 2.`)).toBeVisible();

  // Re-opened, the settings show the saved values; the master has them.
  await page.reload();
  await expect(textbox(page, 'Image')).toHaveValue('nginx:1.14');
  await expect(textbox(page, 'Memory')).toHaveValue('1g');
  const updated = await masterGet(masterUrl, `/v1/services/production/null/${NAME}`);
  expect(updated).toMatchObject({ image: 'nginx:1.14', memory: 1073741824, revision: 2, memory_swap: 1073741824, cpu_shares: 512 });
});

test('bad input is refused at the field, and leaving asks first', async ({ page, oneTimeCode }) => {
  test.setTimeout(120_000);
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+/);
  await page.goto('/grids/production/services/new');
  await textbox(page, 'Name').fill('-nope');
  // Nothing is said while the user is still in the input; leaving it says what is wrong.
  await expect(textbox(page, 'Name')).not.toHaveAttribute('aria-invalid');
  await textbox(page, 'Deploy min health').fill('1.5');
  await expect(textbox(page, 'Name')).toHaveAttribute('aria-invalid', 'true');
  await textbox(page, 'Deploy min health').blur();
  await expect(page.getByText('Min health must be a number from 0.0 to 1.0', { exact: false }).first()).toBeVisible();
  const status = page.locator('#sf-save-status');
  await expect(status).toContainText('2 problems block saving');
  await expect(status).toContainText('Still needed');
  // Trying to save shows every problem, the untouched Image's too.
  await page.getByRole('button', { name: 'Create service' }).click();
  await expect(status).toContainText('3 problems block saving');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Secrets', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(page).toHaveURL(/\/services\/new$/);
  await expect(textbox(page, 'Name')).toHaveValue('-nope');
});

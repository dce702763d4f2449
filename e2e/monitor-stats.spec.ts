import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// This spec creates its own service (`mon-…`) in the demo grid and removes it at the end,
// so scaling it disturbs no other spec.

const GRID = 'production';

async function runningInstances(masterUrl: string, name: string): Promise<number> {
  const res = await masterApi(masterUrl, 'GET', `/v1/services/${GRID}/null/${name}/containers`);
  const containers = (res.body as { containers?: { status: string }[] } | undefined)?.containers ?? [];
  return containers.filter((c) => c.status === 'running').length;
}

test.describe('instance monitor and stats', () => {
  const name = `mon-${Date.now().toString(36)}`;

  test.beforeAll(async ({ masterUrl }) => {
    const created = await masterApi(masterUrl, 'POST', `/v1/grids/${GRID}/services`, {
      name,
      image: 'nginx:1.11-alpine',
      stateful: false,
      instances: 2,
      memory: 128 * 1024 * 1024,
      deploy_opts: { min_health: 0 },
    });
    expect(created.status).toBe(201);
    expect((await masterApi(masterUrl, 'POST', `/v1/services/${GRID}/null/${name}/deploy`)).status).toBe(200);
    await expect.poll(() => runningInstances(masterUrl, name), { timeout: 20_000 }).toBe(2);
  });

  test.afterAll(async ({ masterUrl }) => {
    await masterApi(masterUrl, 'DELETE', `/v1/services/${GRID}/null/${name}`);
  });

  test('stats: live table and charts with data, window switch, axe', async ({ page, oneTimeCode }) => {
    test.setTimeout(150_000);
    await signInWithCode(page, oneTimeCode);
    await expect(page).toHaveURL(/\/grids\/[^/]+/);
    await page.goto(`/grids/${GRID}/services/null/${name}/stats`);

    const table = page.getByRole('table', { name: 'Instance stats' });
    await expect(table.getByRole('rowheader')).toHaveCount(3); // two instances + the service
    await expect(table.getByRole('row').nth(1)).toContainText('/ 128 MiB');

    const charts = page.getByRole('figure');
    await expect(charts).toHaveCount(4);
    // A line needs two samples; the master's samples move every 10 s.
    const cpu = page.getByRole('figure', { name: 'CPU' });
    await expect(cpu.locator('.recharts-line-curve')).toHaveCount(1, { timeout: 40_000 });
    await expect
      .poll(async () => Number(await cpu.locator('[data-points]').getAttribute('data-points')), { timeout: 40_000 })
      .toBeGreaterThanOrEqual(2);
    for (const title of ['Memory', 'Network received', 'Network sent']) {
      await expect(page.getByRole('figure', { name: title }).locator('.recharts-line-curve')).toHaveCount(1);
    }
    // Hovering the newest part of the line reads its value out, with its unit.
    const surface = cpu.locator('svg.recharts-surface');
    const box = await surface.boundingBox();
    if (!box) throw new Error('the CPU chart has no box');
    await surface.hover({ position: { x: box.width - 24, y: box.height / 2 } });
    await expect(cpu.getByRole('tooltip')).toContainText(/service\s*\d+\.\d\d %/);
    await expectNoAxeViolations(page);
    await page.mouse.move(0, 0);
    await expect(cpu.getByRole('tooltip')).toHaveCount(0);

    await page.getByRole('button', { name: '6 h' }).click();
    await expect(page).toHaveURL(/window=6h/);
    await expect(page.getByRole('button', { name: '6 h' })).toHaveAttribute('aria-pressed', 'true');
    await expect(cpu.locator('.recharts-line-curve')).toHaveCount(1);

    await page.getByRole('button', { name: 'Per instance' }).click();
    await expect(page).toHaveURL(/view=instances/);
    await expect(cpu.locator('.recharts-line-curve')).toHaveCount(2);
    await expect(cpu.getByRole('list', { name: 'CPU series' })).toContainText('#1');
    await expectNoAxeViolations(page);
  });

  test('monitor: nodes and tiles, new tiles when the service scales up, axe', async ({ page, oneTimeCode, masterUrl }) => {
    test.setTimeout(90_000);
    await signInWithCode(page, oneTimeCode);
    await expect(page).toHaveURL(/\/grids\/[^/]+/);
    await page.goto(`/grids/${GRID}/services/null/${name}/instances`);

    const tiles = page.getByRole('list', { name: /^Instances on / }).getByRole('listitem');
    await expect(tiles).toHaveCount(2);
    // Every node of the grid, with or without an instance.
    await expect(page.getByRole('group', { name: 'Nodes' }).getByRole('region')).toHaveCount(5);
    await expectNoAxeViolations(page);

    expect((await masterApi(masterUrl, 'POST', `/v1/services/${GRID}/null/${name}/scale`, { instances: 4 })).status).toBe(200);
    await expect(tiles).toHaveCount(4, { timeout: 20_000 });
    await expect(tiles.filter({ hasText: /^Instance 4, running/ })).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByText(/4 of 4 instances/)).toBeVisible({ timeout: 10_000 });

    await page.getByLabel('Refresh').selectOption('5');
    await expect(page).toHaveURL(/interval=5/);
    await expectNoAxeViolations(page);
  });
});

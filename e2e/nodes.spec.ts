import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';
import { masterApi } from './master-api';

// The nodes pages. The journey takes one node of the `staging` grid away and brings it
// back (other journeys work in `production`), and edits that node's labels, putting
// them back afterwards.
const GRID = 'staging';
const NODE = 'stage-node-2';
/** The list polls every 10 s: one poll, plus the time for the answer to arrive. */
const ONE_POLL_MS = 12_000;

async function setConnected(masterUrl: string, connected: boolean): Promise<void> {
  const res = await fetch(`${masterUrl}/__sim/node`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grid: GRID, node: NODE, connected }),
  });
  expect(res.status).toBe(200);
}

function row(page: Page, name: string): Locator {
  return page
    .getByRole('table', { name: /nodes/ })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('the nodes list marks a node offline within one poll, then that it recovered', async ({ page, oneTimeCode, masterUrl }) => {
  test.setTimeout(90_000);
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);
  await page.goto(`/grids/${GRID}/nodes`);
  await expect(row(page, NODE)).toHaveAttribute('data-state', 'online');
  await expectNoAxeViolations(page);

  try {
    await setConnected(masterUrl, false);
    await expect(row(page, NODE)).toHaveAttribute('data-state', 'offline', { timeout: ONE_POLL_MS });
    await expect(row(page, NODE)).toContainText(/offline\s*since/);
    await expect(page.getByText(/\d+ offline/)).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await setConnected(masterUrl, true);
  }
  await expect(row(page, NODE)).toHaveAttribute('data-state', 'online', { timeout: ONE_POLL_MS });

  // Sorting and filtering live in the URL.
  await page.getByRole('searchbox', { name: /filter nodes/i }).fill(NODE);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${NODE}`));
  await expect(page.getByRole('table', { name: /nodes/ }).getByRole('row')).toHaveCount(2);
});

test('a node’s page shows its facts and instances, and edits its labels', async ({ page, oneTimeCode, masterUrl }) => {
  test.setTimeout(90_000);
  const before = await masterApi(masterUrl, 'GET', `/v1/nodes/${GRID}/${NODE}`);
  const labels = (before.body as { labels: string[] }).labels;
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\//);
  await page.goto(`/grids/${GRID}/nodes`);
  await row(page, NODE).getByRole('link', { name: NODE, exact: true }).click();
  await expect(page).toHaveURL(`/grids/${GRID}/nodes/${NODE}`);
  await expect(page.getByRole('heading', { level: 1, name: NODE })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Overlay IP');
  await expect(page.getByRole('region', { name: 'Resource usage' })).toContainText('CPU');
  await expect(page.getByRole('figure').first()).toBeVisible();
  await expectNoAxeViolations(page);

  const panel = page.getByRole('region', { name: 'Labels' });
  try {
    await panel.getByRole('button', { name: 'Edit labels' }).click();
    const field = panel.getByRole('textbox', { name: 'Labels' });
    await field.fill(`${labels.join('\n')}\nnot a label`);
    await panel.getByRole('button', { name: 'Save labels' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(panel).toContainText('“not” is not a label');
    await expectNoAxeViolations(page);

    await field.fill(`${labels.join('\n')}\ne2e=yes`);
    await panel.getByRole('button', { name: 'Save labels' }).click();
    await expect(panel.getByText(`Saved the labels of ${NODE}.`)).toBeVisible();
    await expect(panel.getByRole('list', { name: `Labels of ${NODE}` })).toContainText('e2e=yes');
  } finally {
    await masterApi(masterUrl, 'PUT', `/v1/nodes/${GRID}/${NODE}`, { labels });
  }
});

import { test, expect, expectNoAxeViolations, signInWithCode } from './fixtures';

// The grid overview: the landing page after sign-in. The journey takes one node of the
// shared demo master away (a fault) and always brings it back; it looks only at its own
// node, so other journeys on the same master do not disturb it.
const GRID = 'production';
const NODE = 'prod-node-5';

async function setConnected(masterUrl: string, connected: boolean): Promise<void> {
  const res = await fetch(`${masterUrl}/__sim/node`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grid: GRID, node: NODE, connected }),
  });
  expect(res.ok).toBe(true);
}

test('lands on the overview, says a node went offline within one poll, then that it recovered', async ({
  page,
  oneTimeCode,
  masterUrl,
}) => {
  test.setTimeout(90_000);
  await signInWithCode(page, oneTimeCode);
  await expect(page).toHaveURL(/\/grids\/[^/]+$/);
  await page.goto(`/grids/${GRID}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Nodes', exact: true })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'CPU', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Latest changes' })).toBeVisible();
  await expectNoAxeViolations(page);

  const problems = page.getByRole('list', { name: 'Problems, worst first' });
  const offline = problems.getByRole('link', { name: `node ${NODE}` });
  try {
    await setConnected(masterUrl, false);
    // One poll is 5 s; allow for the answer and a render on a busy machine.
    await expect(offline).toBeVisible({ timeout: 8_000 });
    await expect(problems.getByRole('listitem').filter({ has: page.getByRole('link', { name: `node ${NODE}` }) })).toContainText('Offline');
    await expect(offline).toHaveAttribute('href', `/grids/${GRID}/nodes/${NODE}`);
    await expectNoAxeViolations(page);
  } finally {
    await setConnected(masterUrl, true);
  }
  await expect(offline).toHaveCount(0, { timeout: 8_000 });
});

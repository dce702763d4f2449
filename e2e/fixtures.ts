import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: e2e/global-setup.ts did not run`);
  return value;
}

/** A fresh one-time code, minted like `kontena master token create --code`. */
export async function mintCode(): Promise<string> {
  const res = await fetch(`${env('E2E_MASTER_URL')}/oauth2/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${env('E2E_ADMIN_TOKEN')}` },
    body: JSON.stringify({ response_type: 'code', scope: 'user', expires_in: '7200' }),
  });
  const body = (await res.json()) as { code?: string };
  if (res.status !== 201 || !body.code) throw new Error(`could not mint a code (${res.status})`);
  return body.code;
}

export const test = base.extend<{ oneTimeCode: string; masterUrl: string; cspGuard: undefined }>({
  // serve.ts sends a strict Content-Security-Policy: any violation the built app
  // causes fails the journey that hit it.
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await use(undefined);
      expect(violations).toEqual([]);
    },
    { auto: true },
  ],
  // Ports are chosen at run time by global-setup, so baseURL comes from its env.
  baseURL: async ({}, use) => {
    await use(env('E2E_BASE_URL'));
  },
  oneTimeCode: async ({}, use) => {
    await use(await mintCode());
  },
  masterUrl: async ({}, use) => {
    await use(env('E2E_MASTER_URL'));
  },
});

export { expect };

/** Fails the test with the list of axe violations on the current page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Signs in through the sign-in page with a one-time code. */
export async function signInWithCode(page: Page, code: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: /code/i }).click();
  await page.getByLabel(/one-time code/i).fill(code);
  await page.getByRole('button', { name: /sign in/i }).click();
}

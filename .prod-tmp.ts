import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServe } from './server/serve';

const web = await startServe({ port: 0, distDir: '/tmp/kd-dist', simulate: { scenario: 'demo', seed: 1, initialAdminCode: 'abcdef123456' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
  const axe = async (name: string) => {
    const r = await new AxeBuilder({ page }).analyze();
    console.log(name, r.violations.length === 0 ? 'axe OK' : r.violations.map((v) => v.id).join(','));
  };
  await page.goto(`${web.url}/grids/production/services/null/api`);
  await page.waitForURL(/\/sign-in\?next=/);
  await axe('sign-in');
  await page.getByRole('tab', { name: /code/i }).click();
  await page.getByLabel(/one-time code/i).fill('abcdef123456');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/grids\/production\/services\/null\/api$/);
  await page.getByText('Image').waitFor();
  console.log('back on', new URL(page.url()).pathname);
  await page.getByRole('link', { name: 'Services' }).first().click();
  await page.getByRole('list', { name: /services/i }).waitFor();
  await axe('services');
  for (const name of [/^Grid /, /^Theme:/, /^Account:/]) {
    await page.getByRole('button', { name }).click();
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  console.log('data-theme', await page.evaluate(() => document.documentElement.dataset.theme));
  await page.screenshot({ path: '/tmp/shots/prod-services-dark.png' });
  // an already used code
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel(/one-time code/i).fill('abcdef123456');
  await page.getByRole('button', { name: /sign in/i }).click();
  console.log('used code:', await page.getByRole('alert').textContent());
  console.log('console errors:', problems);
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
  console.log('js loaded:', scripts.map((s) => s.replace(/.*\//, '')));
} finally {
  await browser.close();
  await web.close();
}

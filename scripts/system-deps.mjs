// What the tests need from the system: a Chromium for Playwright ($CHROMIUM_PATH, the
// system Chromium, Playwright's own download, or — as root on Debian — `apt-get install
// chromium`) and nginx for the README's nginx recipe test (likewise installed as root).
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function firstExisting(paths) {
  return paths.find((p) => p && fs.existsSync(p)) ?? null;
}

async function playwrightBrowser() {
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

let aptUpdated = false;
function aptInstall(pkg) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) return false;
  console.log(`Installing Debian's ${pkg} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  aptUpdated = true;
  return spawnSync('apt-get', ['install', '-y', pkg], { stdio: 'inherit', env }).status === 0;
}

export async function ensureChromium() {
  const found = firstExisting([process.env.CHROMIUM_PATH, ...SYSTEM_PATHS]) ?? (await playwrightBrowser());
  if (found) return found;
  if (aptInstall('chromium')) return firstExisting(SYSTEM_PATHS);
  console.error('No Chromium found: set CHROMIUM_PATH, install chromium, or run `npx playwright install chromium`.');
  return null;
}

const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export function ensureNginx() {
  const found = firstExisting([process.env.NGINX_PATH, ...NGINX_PATHS]);
  if (found) return found;
  if (aptInstall('nginx')) return firstExisting(NGINX_PATHS);
  console.error('No nginx found: install nginx (or set NGINX_PATH) for the nginx recipe test.');
  return null;
}

/** Launch arguments that work headless as root in a container with no network (docs/architecture.md, node.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

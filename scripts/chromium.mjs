// Finds a Chromium for Playwright: $CHROMIUM_PATH, the system Chromium, Playwright's own
// download, or — as root on Debian — `apt-get install chromium`.
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

export async function ensureChromium() {
  const found = firstExisting([process.env.CHROMIUM_PATH, ...SYSTEM_PATHS]) ?? (await playwrightBrowser());
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
    return firstExisting(SYSTEM_PATHS);
  }
  console.error('No Chromium found: set CHROMIUM_PATH, install chromium, or run `npx playwright install chromium`.');
  return null;
}

/** Launch arguments that work headless as root in a container with no network (DESIGN.md, node.md). */
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

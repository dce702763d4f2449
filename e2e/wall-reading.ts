import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { startMockMaster } from '../server/mock-master';
import type { RunningMockMaster } from '../server/mock-master';
import { startServe } from '../server/serve';
import type { RunningServe } from '../server/serve';

// What the wall journeys share: a master of their own with the `large` scenario (started
// and closed around the spec), and the in-browser check that no text of a tile is cut.

export const FULL_HD = { width: 1920, height: 1080 };
export const UHD = { width: 3840, height: 2160 };

export interface LargeMaster {
  /** Signs in on the large master's server with a fresh one-time code; answers its base URL. */
  signIn(page: Page): Promise<string>;
  /** The node-outage fault of the simulator (`POST /__sim/node`). */
  setNodeConnected(grid: string, node: string, connected: boolean): Promise<void>;
}

/** Call at the top of a spec: a `large` master and a server in front of it, for the spec's tests. */
export function useLargeMaster(adminCode: string): LargeMaster {
  let large: RunningMockMaster | undefined;
  let largeWeb: RunningServe | undefined;
  let largeToken = '';

  test.beforeAll(async () => {
    large = await startMockMaster({ port: 0, scenario: 'large', seed: 1, initialAdminCode: adminCode });
    largeWeb = await startServe({ port: 0, upstream: large.url, distDir: process.env.E2E_DIST });
    const res = await fetch(`${large.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: adminCode }),
    });
    largeToken = ((await res.json()) as { access_token?: string }).access_token ?? '';
    expect(largeToken).not.toBe('');
  });

  test.afterAll(async () => {
    await largeWeb?.close();
    await large?.close();
  });

  return {
    async signIn(page) {
      if (large === undefined || largeWeb === undefined) throw new Error('the large master did not start');
      const res = await fetch(`${large.url}/oauth2/authorize`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${largeToken}` },
        body: JSON.stringify({ response_type: 'code', scope: 'user', expires_in: '7200' }),
      });
      const { code } = (await res.json()) as { code: string };
      await page.goto(`${largeWeb.url}/sign-in`);
      await page.getByRole('tab', { name: /code/i }).click();
      await page.getByLabel(/one-time code/i).fill(code);
      await page.getByRole('button', { name: /sign in/i }).click();
      await expect(page).toHaveURL(/\/grids\//);
      return largeWeb.url;
    },
    async setNodeConnected(grid, node, connected) {
      if (large === undefined) throw new Error('the large master did not start');
      const res = await fetch(`${large.url}/__sim/node`, { method: 'POST', body: JSON.stringify({ grid, node, connected }) });
      expect(res.ok).toBe(true);
    },
  };
}

export interface TileText {
  tiles: number;
  /** Elements with text that were read (the checks are not vacuous). */
  texts: number;
  /** What is cut, one line per finding ("api: “1.02 G” is wider than its box"). */
  cut: string[];
}

/**
 * Reads every text of every tile the selector finds: nothing outside its tile or wider
 * than its box, no ellipsis, nothing that may break inside a word, each word (a hyphen or
 * a slash may end a line) on one line, and the tile itself on the screen.
 */
export async function readTileText(page: Page, selector: string): Promise<TileText> {
  return page.locator(selector).evaluateAll((tiles) => {
    const cut: string[] = [];
    let texts = 0;
    /** Visually hidden text (for screen readers): clipped to nothing on purpose. */
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el; e !== null; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.clip === 'rect(0px, 0px, 0px, 0px)') return true;
      }
      return false;
    };
    for (const tile of tiles) {
      const name = tile.querySelector('h2')?.textContent ?? tile.textContent ?? '?';
      const box = tile.getBoundingClientRect();
      for (const el of tile.querySelectorAll('*')) {
        const textNodes = [...el.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (textNodes.length === 0 || hidden(el)) continue;
        texts += 1;
        const cs = getComputedStyle(el);
        const text = el.textContent ?? '';
        const r = el.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          cut.push(`${name}: “${text}” is outside its tile`);
        if (cs.display !== 'inline' && el instanceof HTMLElement) {
          if (el.scrollWidth > el.clientWidth + 1) cut.push(`${name}: “${text}” is wider than its box`);
          if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) cut.push(`${name}: “${text}” ends in an ellipsis`);
        }
        if (cs.wordBreak === 'break-all' || cs.overflowWrap === 'anywhere' || cs.overflowWrap === 'break-word')
          cut.push(`${name}: “${text}” may break inside a word`);
        for (const node of textNodes) {
          const content = node.textContent ?? '';
          for (const match of content.matchAll(/[^\s\-/]+[-/]?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (lines.size > 1) cut.push(`${name}: “${match[0]}” is broken across lines`);
          }
        }
      }
      // The tile itself within the screen: a row wider than the wall would hide its last tiles.
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1) cut.push(`${name}: the tile is off the screen`);
    }
    return { tiles: tiles.length, texts, cut };
  });
}

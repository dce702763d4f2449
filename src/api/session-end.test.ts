// @vitest-environment jsdom
// Why a tab was signed out: told apart from the master's answers (expired, revoked, the
// master restarted), and told to the other tabs that shared the session (issue #15 item 2).
// The other tab is played by writing its storage and sending this window the storage
// events a browser sends.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiRequest, configureClient } from './client';
import { gridListSchema } from './schemas/grid';
import { SESSION_STORAGE_KEY, configureSessionStorage, getSession, setSession } from './session';
import type { Session } from './session';
import {
  RESTART_WINDOW_MS,
  SESSION_END_SIGNAL_KEY,
  TAB_SESSION_END_KEY,
  classifyRefusal,
  getSessionEnd,
  tokenFingerprint,
  watchSessionEnds,
} from './session-end';
import { createFakeFetch, json } from '../../test/api/fake-fetch';
import type { FakeFetch } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, NEW_ACCESS_TOKEN } from '../../test/api/fixtures';

const NOW = Date.parse('2017-04-06T15:00:00.000Z');
// The client's clock only goes forward, from one test to the next too, as a page's does.
let clock = NOW;
let start = NOW;
let fake: FakeFetch;

const INVALID = { error: 'invalid_token', error_description: 'Invalid token' };
const EXPIRED = { error: 'invalid_token', error_description: 'Token expired' };

function session(overrides: Partial<Session> = {}): Session {
  return {
    accessToken: ACCESS_TOKEN,
    refreshToken: null,
    expiresAt: null,
    user: { id: 'u1', email: 'admin', name: 'admin' },
    remember: true,
    ...overrides,
  };
}

/** The answers of GET /v1/grids, one per request, in order (the last one repeats). */
function gridsAnswer(...answers: (() => Response)[]): void {
  let next = 0;
  fake.route('GET', '/v1/grids', () => {
    const answer = answers[Math.min(next, answers.length - 1)];
    next += 1;
    if (answer === undefined) throw new Error('no answer');
    return answer();
  });
}

const proxyDown = () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } });

async function listGrids(): Promise<void> {
  await apiRequest(gridListSchema, '/v1/grids').catch(() => undefined);
}

/** What the browser does in this tab when another tab writes localStorage. */
function otherTabWrites(key: string, value: string | null): void {
  const oldValue = localStorage.getItem(key);
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue: value, storageArea: localStorage }));
}

function otherTabRefused(token: string, reason: string, at = clock): void {
  otherTabWrites(SESSION_END_SIGNAL_KEY, JSON.stringify({ reason, at, fp: tokenFingerprint(token) }));
}

beforeEach(() => {
  clock += 3_600_000;
  start = clock;
  fake = createFakeFetch();
  configureClient({ fetch: fake.fetch, now: () => clock, baseUrl: 'http://master.test' });
  localStorage.clear();
  sessionStorage.clear();
  configureSessionStorage({ local: localStorage, session: sessionStorage });
  watchSessionEnds();
  setSession(session());
});

describe('what a refusal means', () => {
  const seen = { since: NOW, unreachableAt: null, backAt: null, now: NOW + 1000 };

  it.each([
    ['Token expired', seen, 'expired'],
    ['Invalid token', seen, 'revoked'],
    // The token was in use, then the master was unreachable, and it is just back.
    ['Invalid token', { ...seen, unreachableAt: NOW + 500, backAt: NOW + 900 }, 'restarted'],
    // An outage before this token was in use says nothing about it.
    ['Invalid token', { ...seen, since: NOW + 600, unreachableAt: NOW + 500, backAt: NOW + 900 }, 'revoked'],
    // Back long ago: a refusal now is a revocation.
    ['Invalid token', { ...seen, unreachableAt: NOW + 500, backAt: NOW + 900, now: NOW + 900 + RESTART_WINDOW_MS + 1 }, 'revoked'],
  ] as const)('%s after %j → %s', (description, facts, reason) => {
    expect(classifyRefusal(description, facts)).toBe(reason);
  });
});

describe('this tab', () => {
  it('a token the master no longer knows: revoked', async () => {
    gridsAnswer(() => json(403, INVALID));
    await listGrids();
    expect(getSession()).toBeNull();
    expect(getSessionEnd()).toEqual({ reason: 'revoked', at: start });
  });

  it('an expired token that cannot be refreshed: expired', async () => {
    gridsAnswer(() => json(403, EXPIRED));
    await listGrids();
    expect(getSessionEnd()?.reason).toBe('expired');
  });

  it('refused as soon as the master is back after an outage: the master restarted and forgot it', async () => {
    gridsAnswer(proxyDown, proxyDown, () => json(403, INVALID));
    clock += 1000;
    await listGrids();
    clock += 5000;
    await listGrids();
    clock += 5000;
    await listGrids();
    expect(getSessionEnd()?.reason).toBe('restarted');
  });

  it('signing out here is no refusal, and signing in again forgets why the tab was signed out', async () => {
    gridsAnswer(() => json(403, INVALID));
    await listGrids();
    expect(getSessionEnd()?.reason).toBe('revoked');
    // The reason is kept for this tab's sign-in page after a reload.
    expect(JSON.parse(sessionStorage.getItem(TAB_SESSION_END_KEY) ?? 'null')).toEqual({ reason: 'revoked', at: start });
    setSession(session({ accessToken: NEW_ACCESS_TOKEN }));
    expect(getSessionEnd()).toBeNull();
    setSession(null);
    expect(getSessionEnd()).toBeNull();
  });

  it('tells the other tabs: the reason, when, and a fingerprint of the token, never the token', async () => {
    gridsAnswer(() => json(403, INVALID));
    await listGrids();
    const signal = localStorage.getItem(SESSION_END_SIGNAL_KEY) ?? '';
    expect(JSON.parse(signal)).toEqual({ reason: 'revoked', at: start, fp: tokenFingerprint(ACCESS_TOKEN) });
    expect(signal).not.toContain(ACCESS_TOKEN);
    expect(signal).not.toContain(ACCESS_TOKEN.slice(0, 16));
  });
});

describe('the other tabs', () => {
  it('a remembered session removed by another tab: "elsewhere" at once, then that tab’s reason', () => {
    otherTabWrites(SESSION_STORAGE_KEY, null);
    expect(getSession()).toBeNull();
    expect(getSessionEnd()?.reason).toBe('elsewhere');
    otherTabRefused(ACCESS_TOKEN, 'restarted');
    expect(getSessionEnd()?.reason).toBe('restarted');
  });

  it('the other tab’s reason first: this tab, holding the same token, signs out with it', () => {
    otherTabRefused(ACCESS_TOKEN, 'expired');
    expect(getSession()).toBeNull();
    expect(getSessionEnd()?.reason).toBe('expired');
    // Then the session's removal: the reason stays.
    otherTabWrites(SESSION_STORAGE_KEY, null);
    expect(getSessionEnd()?.reason).toBe('expired');
  });

  it('a tab with a token of its own stays signed in, and a restart heard of explains its own refusal later', async () => {
    setSession(session({ accessToken: NEW_ACCESS_TOKEN, remember: false }));
    clock += 60_000;
    otherTabRefused(ACCESS_TOKEN, 'restarted');
    expect(getSession()?.accessToken).toBe(NEW_ACCESS_TOKEN);
    expect(getSessionEnd()).toBeNull();

    // This tab was hidden (no polling): it finds out on its next request, without an outage of its own.
    clock += 10 * 60_000;
    gridsAnswer(() => json(403, INVALID));
    await listGrids();
    expect(getSessionEnd()?.reason).toBe('restarted');
  });

  it('a revocation in another tab does not explain this tab’s own refusal', async () => {
    setSession(session({ accessToken: NEW_ACCESS_TOKEN, remember: false }));
    otherTabRefused(ACCESS_TOKEN, 'revoked');
    gridsAnswer(() => json(403, INVALID));
    await listGrids();
    expect(getSessionEnd()?.reason).toBe('revoked');
  });
});

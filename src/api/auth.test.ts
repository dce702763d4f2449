import { beforeEach, describe, expect, it } from 'vitest';
import { exchangeCode, getUser, signInWithToken, signOut } from './auth';
import { configureClient } from './client';
import { isApiError } from './errors';
import type { ApiError } from './errors';
import { SESSION_STORAGE_KEY, configureSessionStorage, getSession, subscribeSession } from './session';
import type { Session } from './session';
import { createFakeFetch, json } from '../../test/api/fake-fetch';
import type { FakeFetch } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, REFRESH_TOKEN, tokenJson, userJson } from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

const NOW = Date.parse('2017-04-06T15:00:00.000Z');
let fake: FakeFetch;
let local: MemoryStorage;
let session: MemoryStorage;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  fake = createFakeFetch();
  configureClient({ fetch: fake.fetch, now: () => NOW });
  local = new MemoryStorage();
  session = new MemoryStorage();
  configureSessionStorage({ local, session });
  signOut();
});

describe('exchangeCode', () => {
  it('rejects a malformed code before sending anything', async () => {
    for (const bad of ['', '   ', 'not-a-code!', 'zzzzzzzzzzzz', '3f9a']) {
      const error = await rejection(exchangeCode(bad));
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors).toHaveProperty('code');
      expect(error.message.length).toBeGreaterThan(20);
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('posts the code as JSON and stores a session that expires in expires_in seconds', async () => {
    fake.route('POST', '/oauth2/token', () => json(201, tokenJson()));
    const seen: (Session | null)[] = [];
    const off = subscribeSession((s) => seen.push(s));
    const result = await exchangeCode('  3F9A1C0B7D2E \n');
    off();

    const [call] = fake.calls;
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    expect(call?.headers.get('Accept')).toBe('application/json');
    expect(call?.headers.get('Authorization')).toBeNull();
    expect(JSON.parse(call?.body ?? '')).toEqual({ grant_type: 'authorization_code', code: '3F9A1C0B7D2E' });
    expect(result).toEqual({
      accessToken: ACCESS_TOKEN,
      refreshToken: REFRESH_TOKEN,
      expiresAt: NOW + 7200_000,
      user: { id: '58e65a1c8e9a1a0007e3c1a0', email: 'admin', name: 'admin' },
      remember: false,
    });
    expect(getSession()).toEqual(result);
    expect(seen).toEqual([result]);
    expect(session.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
    expect(local.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('stores a non-expiring session for a code without expiry (no refresh token)', async () => {
    fake.route('POST', '/oauth2/token', () =>
      json(201, tokenJson({ expires_in: null, refresh_token: null, refresh_token_last_four: null })),
    );
    expect(await exchangeCode('3f9a1c0b7d2e')).toMatchObject({ expiresAt: null, refreshToken: null });
  });

  it('says clearly when the code is unknown or used up', async () => {
    fake.route('POST', '/oauth2/token', () => json(404, { error: 'invalid_grant', error_description: null }));
    const error = await rejection(exchangeCode('3f9a1c0b7d2e'));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/does not know this code, or it was already used/);
    expect(getSession()).toBeNull();
  });
});

describe('signInWithToken', () => {
  it('rejects a malformed token before sending anything', async () => {
    for (const bad of ['', 'abc', ACCESS_TOKEN.slice(1), `${ACCESS_TOKEN}0`, ACCESS_TOKEN.replace('a', 'g')]) {
      const error = await rejection(signInWithToken(bad, false));
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/64 hexadecimal characters|Enter an access token/);
      expect(error.message).not.toContain(ACCESS_TOKEN.slice(1));
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('checks the token with GET /v1/user and remembers it in localStorage when asked', async () => {
    fake.route('GET', '/v1/user', () => json(200, userJson()));
    const result = await signInWithToken(` ${ACCESS_TOKEN} `, true);
    expect(fake.calls[0]?.headers.get('Authorization')).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(result).toMatchObject({
      accessToken: ACCESS_TOKEN,
      refreshToken: null,
      expiresAt: null,
      remember: true,
      user: { email: 'admin' },
    });
    expect(local.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
    expect(session.getItem(SESSION_STORAGE_KEY)).toBeNull();

    // A fresh page load finds the remembered session.
    configureSessionStorage({ local, session: new MemoryStorage() });
    expect(getSession()).toEqual(result);
  });

  it('keeps it in sessionStorage otherwise', async () => {
    fake.route('GET', '/v1/user', () => json(200, userJson()));
    await signInWithToken(ACCESS_TOKEN, false);
    expect(session.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
    expect(local.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('a refused token stores nothing and does not leak the token', async () => {
    fake.route('GET', '/v1/user', () => json(403, { error: 'invalid_token', error_description: 'Invalid token' }));
    const error = await rejection(signInWithToken(ACCESS_TOKEN, true));
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain(ACCESS_TOKEN);
    expect(getSession()).toBeNull();
    expect(local.length + session.length).toBe(0);
  });
});

describe('session storage', () => {
  it('signOut clears both stores', async () => {
    fake.route('GET', '/v1/user', () => json(200, userJson()));
    await signInWithToken(ACCESS_TOKEN, true);
    signOut();
    expect(getSession()).toBeNull();
    expect(local.length + session.length).toBe(0);
  });

  it('drops a tampered stored session instead of crashing', () => {
    session.setItem(SESSION_STORAGE_KEY, '{"accessToken": 5');
    local.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'x' }));
    configureSessionStorage({ local, session });
    expect(getSession()).toBeNull();
    expect(local.length + session.length).toBe(0);
  });

  it('getUser uses the stored session', async () => {
    fake.route('GET', '/v1/user', () => json(200, userJson()));
    await signInWithToken(ACCESS_TOKEN, false);
    expect((await getUser()).email).toBe('admin');
    expect(fake.calls[1]?.headers.get('Authorization')).toBe(`Bearer ${ACCESS_TOKEN}`);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, configureClient, connectionState, subscribeConnection } from './client';
import type { ConnectionState } from './client';
import { addEnv } from './envs';
import { isApiError } from './errors';
import type { ApiError } from './errors';
import { listGrids } from './grids';
import { gridListSchema } from './schemas/grid';
import { createService, getService, updateService } from './services';
import { configureSessionStorage, getSession, onAuthFailure, setSession } from './session';
import type { Session } from './session';
import { createFakeFetch, json } from '../../test/api/fake-fetch';
import type { FakeFetch } from '../../test/api/fake-fetch';
import {
  ACCESS_TOKEN,
  NEW_ACCESS_TOKEN,
  NEW_REFRESH_TOKEN,
  REFRESH_TOKEN,
  gridJson,
  serviceJson,
  tokenJson,
} from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

const NOW = Date.parse('2017-04-06T15:00:00.000Z');
let clock = NOW;
let fake: FakeFetch;
const seenErrors: unknown[] = [];

function session(overrides: Partial<Session> = {}): Session {
  return {
    accessToken: ACCESS_TOKEN,
    refreshToken: REFRESH_TOKEN,
    expiresAt: NOW + 7200_000,
    user: { id: 'u1', email: 'admin', name: 'admin' },
    remember: false,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    seenErrors.push(e);
    if (isApiError(e)) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

function bearerOf(call: { headers: Headers }): string | null {
  return call.headers.get('Authorization');
}

beforeEach(() => {
  clock = NOW;
  fake = createFakeFetch();
  configureClient({ fetch: fake.fetch, now: () => clock, baseUrl: 'http://master.test' });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession(session());
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('requests', () => {
  it('send the bearer token and ask for JSON', async () => {
    fake.route('GET', '/v1/grids', () => json(200, { grids: [gridJson()] }));
    const grids = await listGrids();
    expect(grids.map((g) => g.name)).toEqual(['terminal-a']);
    const [call] = fake.calls;
    expect(call && bearerOf(call)).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(call?.headers.get('Accept')).toBe('application/json');
    expect(call?.headers.get('Content-Type')).toBeNull();
  });

  it('encode each path segment but never the separators', async () => {
    fake.route('GET', /^\/v1\/services\//, () => json(200, serviceJson()));
    await getService({ grid: 'my grid', stack: 'null', name: 'a/b?c' });
    expect(fake.calls[0]?.url.pathname).toBe('/v1/services/my%20grid/null/a%2Fb%3Fc');
  });

  it('never send grid or stack in a service body, even from a spread GET answer', async () => {
    fake.route('PUT', '/v1/services/terminal-a/null/redis', () => json(200, serviceJson()));
    fake.route('POST', '/v1/grids/terminal-a/services', () => json(201, serviceJson()));
    const fetched = serviceJson() as unknown as Parameters<typeof updateService>[1];
    await updateService({ grid: 'terminal-a', stack: 'null', name: 'redis' }, fetched);
    await createService('terminal-a', { name: 'redis', image: 'redis:2.8', stateful: false, ...(fetched as object) });
    for (const call of fake.calls) {
      const body = JSON.parse(call.body ?? '{}') as Record<string, unknown>;
      expect(call.headers.get('Content-Type')).toBe('application/json');
      expect(body).not.toHaveProperty('grid');
      expect(body).not.toHaveProperty('stack');
    }
  });
});

describe('token refresh', () => {
  it('refreshes once ahead of expiry, shared by concurrent requests', async () => {
    setSession(session({ expiresAt: NOW + 30_000 }));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.route('POST', '/oauth2/token', async () => {
      await gate;
      return json(201, tokenJson({ access_token: NEW_ACCESS_TOKEN, refresh_token: NEW_REFRESH_TOKEN }));
    });
    fake.route('GET', '/v1/grids', () => json(200, { grids: [] }));

    const pending = Array.from({ length: 5 }, () => listGrids());
    await Promise.resolve();
    release();
    await Promise.all(pending);

    const refreshes = fake.callsTo('POST', '/oauth2/token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(refreshes[0] && bearerOf(refreshes[0])).toBeNull();
    expect(JSON.parse(refreshes[0]?.body ?? '')).toEqual({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN });
    const gets = fake.callsTo('GET', '/v1/grids');
    expect(gets).toHaveLength(5);
    expect(gets.every((c) => bearerOf(c) === `Bearer ${NEW_ACCESS_TOKEN}`)).toBe(true);
    expect(getSession()).toMatchObject({ accessToken: NEW_ACCESS_TOKEN, refreshToken: NEW_REFRESH_TOKEN, expiresAt: NOW + 7200_000 });
  });

  it('a refresh left running by configureClient never ends the single flight of the next one', async () => {
    setSession(session({ expiresAt: NOW + 30_000 }));
    const releases: (() => void)[] = [];
    fake.route('POST', '/oauth2/token', async () => {
      await new Promise<void>((resolve) => releases.push(resolve));
      // Short-lived again, so every later request wants a refresh too.
      return json(201, tokenJson({ access_token: NEW_ACCESS_TOKEN, refresh_token: NEW_REFRESH_TOKEN, expires_in: 30 }));
    });
    fake.route('GET', '/v1/grids', () => json(200, { grids: [] }));
    const refreshes = (): number => fake.callsTo('POST', '/oauth2/token').length;

    const first = listGrids();
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    configureClient({ fetch: fake.fetch, now: () => clock, baseUrl: 'http://master.test' });
    const second = listGrids();
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[0]?.();
    await first;
    // The second refresh is still in flight: a new request shares it.
    const third = listGrids();
    await vi.waitFor(() => expect(fake.callsTo('GET', '/v1/grids')).toHaveLength(1));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(refreshes()).toBe(2);
    releases[1]?.();
    await Promise.all([second, third]);
    expect(refreshes()).toBe(2);
    expect(fake.callsTo('GET', '/v1/grids')).toHaveLength(3);
  });

  it('does not refresh while more than 60 s remain, or without a refresh token', async () => {
    fake.route('GET', '/v1/grids', () => json(200, { grids: [] }));
    setSession(session({ expiresAt: NOW + 61_000 }));
    await listGrids();
    setSession(session({ expiresAt: NOW - 1000, refreshToken: null }));
    await listGrids();
    expect(fake.callsTo('POST', '/oauth2/token')).toHaveLength(0);
  });

  it('refreshes and retries once on 403 "Token expired"', async () => {
    const expired = { error: 'invalid_token', error_description: 'Token expired' };
    fake.route('GET', '/v1/grids', (call) =>
      bearerOf(call) === `Bearer ${NEW_ACCESS_TOKEN}` ? json(200, { grids: [gridJson()] }) : json(403, expired),
    );
    fake.route('POST', '/oauth2/token', () => json(201, tokenJson({ access_token: NEW_ACCESS_TOKEN, refresh_token: NEW_REFRESH_TOKEN })));
    const authFailures: string[] = [];
    const off = onAuthFailure((reason) => authFailures.push(reason));

    expect(await listGrids()).toHaveLength(1);
    expect(fake.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['GET /v1/grids', 'POST /oauth2/token', 'GET /v1/grids']);
    expect(authFailures).toEqual([]);
    off();
  });

  it('gives up after one retry when the new token is refused too', async () => {
    fake.route('GET', '/v1/grids', () => json(403, { error: 'invalid_token', error_description: 'Token expired' }));
    fake.route('POST', '/oauth2/token', () => json(201, tokenJson({ access_token: NEW_ACCESS_TOKEN, refresh_token: NEW_REFRESH_TOKEN })));
    const authFailures: string[] = [];
    const off = onAuthFailure((reason) => authFailures.push(reason));
    const error = await failure(listGrids());
    expect(error.kind).toBe('auth');
    expect(fake.callsTo('POST', '/oauth2/token')).toHaveLength(1);
    expect(fake.callsTo('GET', '/v1/grids')).toHaveLength(2);
    expect(authFailures).toEqual(['Token expired']);
    off();
  });
});

describe('auth failures', () => {
  it('403 "Invalid token" fires onAuthFailure once and clears the session', async () => {
    fake.route('GET', '/v1/grids', () => json(403, { error: 'invalid_token', error_description: 'Invalid token' }));
    const authFailures: string[] = [];
    const off = onAuthFailure((reason) => authFailures.push(reason));
    const errors = await Promise.all([failure(listGrids()), failure(listGrids())]);
    expect(errors.map((e) => e.kind)).toEqual(['auth', 'auth']);
    expect(errors[0]?.message).toMatch(/Invalid token/);
    expect(authFailures).toEqual(['Invalid token']);
    expect(getSession()).toBeNull();
    expect(fake.callsTo('POST', '/oauth2/token')).toHaveLength(0);
    off();
  });

  it('403 "Access denied" is forbidden, not an auth failure', async () => {
    fake.route('GET', '/v1/grids/secret-grid', () => json(403, { error: 'Access denied' }));
    const authFailures: string[] = [];
    const off = onAuthFailure((reason) => authFailures.push(reason));
    const error = await failure(apiRequest(gridListSchema, '/v1/grids/secret-grid'));
    expect(error.kind).toBe('forbidden');
    expect(authFailures).toEqual([]);
    expect(getSession()).not.toBeNull();
    off();
  });
});

describe('error bodies', () => {
  it('422 wrapped and un-wrapped both give fieldErrors', async () => {
    const ref = { grid: 'terminal-a', stack: 'null', name: 'redis' };
    fake.route('PUT', '/v1/services/terminal-a/null/redis', () =>
      json(422, {
        error: {
          health_check: { port: 'Port is required', protocol: 'Protocol is required' },
          ports: [null, { node_port: 'Node Port is required' }],
        },
      }),
    );
    fake.route('POST', '/v1/services/terminal-a/null/redis/envs', () => json(422, { env: "Env can't be blank" }));

    const wrapped = await failure(updateService(ref, { health_check: { port: null, protocol: null } }));
    expect(wrapped.kind).toBe('validation');
    expect(wrapped.status).toBe(422);
    expect(wrapped.fieldErrors).toEqual({
      health_check: { port: 'Port is required', protocol: 'Protocol is required' },
      ports: [null, { node_port: 'Node Port is required' }],
    });
    expect(wrapped.message).toContain('health_check.port: Port is required');
    expect(wrapped.message).toContain('ports[1].node_port: Node Port is required');

    const bare = await failure(addEnv(ref, ''));
    expect(bare.kind).toBe('validation');
    expect(bare.fieldErrors).toEqual({ env: "Env can't be blank" });
  });

  it('an HTML body from a proxy is a badResponse with a clear message', async () => {
    fake.route(
      'GET',
      '/v1/grids',
      () =>
        new Response('<!DOCTYPE html><html><body>Welcome to nginx</body></html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await failure(listGrids());
    expect(error.kind).toBe('badResponse');
    expect(error.message).toBe(
      'The master answered GET /v1/grids with an HTML page instead of JSON (probably from a proxy in front of the master).',
    );
  });

  it('garbage and schema mismatches are badResponse naming the endpoint', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.route('GET', '/v1/grids', () => new Response('{"grids": [', { status: 200 }));
    fake.route('GET', '/v1/grids/terminal-a', () => json(200, { ...gridJson(), subnet: 42 }));
    const garbage = await failure(listGrids());
    expect(garbage.kind).toBe('badResponse');
    expect(garbage.message).toMatch(/GET \/v1\/grids .*not JSON/);
    const mismatch = await failure(apiRequest(gridListSchema, '/v1/grids/terminal-a'));
    expect(mismatch.kind).toBe('badResponse');
    expect(mismatch.message).toMatch(/^The master's answer to GET \/v1\/grids\/terminal-a does not have the expected shape \(grids: /);
    expect(warn).toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain(ACCESS_TOKEN);
  });

  it('404 with an empty body, 404 Not found, 500 message and 429', async () => {
    fake.route('GET', '/v1/services/terminal-a/null/gone', () => json(404, { error: 'Not found' }));
    fake.route('GET', '/v1/grids/boom', () => json(500, { message: 'Internal server error' }));
    fake.route('GET', '/v1/grids/busy', () => new Response('{ "error": "too_many_requests" }', { status: 429 }));
    const noRoute = await failure(apiRequest(gridListSchema, '/v1/nothing'));
    expect(noRoute.kind).toBe('notFound');
    expect(noRoute.message).toBe('The master has no such endpoint: GET /v1/nothing answered 404 with an empty body.');
    const gone = await failure(getService({ grid: 'terminal-a', stack: 'null', name: 'gone' }));
    expect(gone.kind).toBe('notFound');
    expect(gone.message).toBe('Not found: GET /v1/services/terminal-a/null/gone.');
    const boom = await failure(apiRequest(gridListSchema, '/v1/grids/boom'));
    expect(boom.kind).toBe('server');
    expect(boom.message).toContain('Internal server error');
    expect((await failure(apiRequest(gridListSchema, '/v1/grids/busy'))).kind).toBe('rateLimited');
  });
});

describe('connection state', () => {
  it('goes offline on a network error and back online on the next success', async () => {
    const states: ConnectionState[] = [];
    const off = subscribeConnection((s) => states.push(s));
    let down = true;
    fake.route('GET', '/v1/grids', () => {
      if (down) throw new TypeError('Failed to fetch');
      return json(200, { grids: [] });
    });
    const error = await failure(listGrids());
    expect(error.kind).toBe('network');
    expect(error.message).toBe('Cannot reach the Kontena Master: GET /v1/grids failed (Failed to fetch).');
    expect(connectionState()).toBe('offline');
    down = false;
    await listGrids();
    expect(connectionState()).toBe('online');
    expect(states).toEqual(['offline', 'online']);
    off();
  });

  it('a 502 HTML page from the proxy means the master is unreachable', async () => {
    fake.route('GET', '/v1/grids', () => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502 }));
    const error = await failure(listGrids());
    expect(error.kind).toBe('network');
    expect(connectionState()).toBe('offline');
  });

  it("the dashboard server's JSON 502 for an unreachable master also means offline, not a master failure", async () => {
    fake.route('GET', '/v1/grids', () =>
      json(502, { error: 'Kontena Master at https://m:8443 is unreachable (ECONNREFUSED)', proxy: 'upstream_unreachable' }),
    );
    const error = await failure(listGrids());
    expect(error.kind).toBe('network');
    expect(connectionState()).toBe('offline');
  });

  it('passes an abort through without going offline', async () => {
    fake.route('GET', '/v1/grids', () => new Promise<Response>(() => undefined));
    const controller = new AbortController();
    controller.abort();
    await expect(listGrids({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(connectionState()).toBe('online');
  });
});

describe('secrecy', () => {
  it('never puts a token into an error message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.route('GET', '/v1/grids', () => {
      throw new TypeError(`connect ECONNREFUSED while sending Bearer ${ACCESS_TOKEN}`);
    });
    fake.route('POST', '/oauth2/token', () =>
      json(201, { ...tokenJson({ access_token: NEW_ACCESS_TOKEN, refresh_token: NEW_REFRESH_TOKEN }), expires_in: 'soon' }),
    );
    const leaked = await failure(listGrids());
    expect(leaked.message).toContain('[redacted]');
    expect(leaked.cause).toBeUndefined();

    setSession(session({ expiresAt: NOW - 1 }));
    const refreshFailure = await failure(listGrids());
    expect(refreshFailure.kind).toBe('badResponse');
    expect(refreshFailure.body).toBeUndefined();

    for (const e of seenErrors) {
      const text = `${String(e)} ${JSON.stringify(e)} ${isApiError(e) ? JSON.stringify(e.body ?? null) : ''}`;
      for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, NEW_ACCESS_TOKEN, NEW_REFRESH_TOKEN]) expect(text).not.toContain(secret);
    }
    expect(seenErrors.length).toBeGreaterThan(10);
    expect(warn).toHaveBeenCalled();
    for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, NEW_ACCESS_TOKEN, NEW_REFRESH_TOKEN])
      expect(JSON.stringify(warn.mock.calls)).not.toContain(secret);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMaster, obj, send, TEST_ADMIN_CODE, type TestMaster } from '../../test/simulator/test-support';

let t: TestMaster;
beforeEach(async () => {
  t = await createTestMaster({ live: false });
});
afterEach(() => t.master.dispose());

describe('auth middleware', () => {
  it('answers 403 invalid_token before routing, with WWW-Authenticate and no version header', async () => {
    for (const path of ['/v1/grids', '/v1/does/not/exist', '/oauth2/tokens']) {
      const res = await t.api('GET', path, { token: null });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'invalid_token', error_description: 'Invalid token' });
      expect(res.headers.get('WWW-Authenticate')).toContain('error="invalid_token"');
      expect(res.headers.get('Content-Type')).toBe('application/json');
      expect(res.headers.get('Content-Length')).toBe(String(res.text.length));
      expect(res.headers.get('X-Kontena-Version')).toBeNull();
    }
    expect((await t.api('GET', '/v1/grids', { token: 'f'.repeat(64) })).body).toEqual({
      error: 'invalid_token',
      error_description: 'Invalid token',
    });
    const basic = await send(t.master, 'GET', '/v1/grids', { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(basic.body).toEqual({ error: 'invalid_token', error_description: 'Invalid token' });
  });

  it('lets the open paths through', async () => {
    const root = await t.api('GET', '/', { token: null });
    expect(root.body).toEqual({ name: 'Kontena Master', tagline: 'The Container Platform', version: '1.2.0.dev' });
    expect(root.headers.get('X-Kontena-Version')).toBe('1.2.0.dev');
    expect((await t.api('GET', '/v1/ping', { token: null })).body).toEqual({ message: 'pong' });
    const auth = await t.api('POST', '/v1/auth', { token: null });
    expect([auth.status, auth.body]).toEqual([403, 'This version of Kontena Master does not support user credential authentication.']);
  });

  it('shows the user and never sends CORS headers', async () => {
    const res = await t.api('GET', '/v1/user');
    expect(Object.keys(obj(res.body))).toEqual(['id', 'email', 'name', 'roles']);
    expect(obj(res.body)).toMatchObject({ email: 'admin', roles: [{ name: 'master_admin' }] });
    const preflight = await t.api('OPTIONS', '/v1/grids', { token: null });
    expect(preflight.status).toBe(403);
    for (const r of [res, preflight]) expect([...r.headers.keys()].some((k) => k.startsWith('access-control-'))).toBe(false);
  });
});

describe('/oauth2/token', () => {
  it('uses a code up; the admin code gives a non-expiring token without refresh token', async () => {
    const again = await t.api('POST', '/oauth2/token', { token: null, body: { grant_type: 'authorization_code', code: TEST_ADMIN_CODE } });
    expect([again.status, again.body]).toEqual([404, { error: 'invalid_grant', error_description: null }]);
    const list = obj((await t.api('GET', '/oauth2/tokens')).body).tokens as Record<string, unknown>[];
    expect(list[0]).toMatchObject({
      token_type: 'bearer',
      access_token: null,
      refresh_token: null,
      expires_in: null,
      scopes: 'user,owner',
    });
    expect(t.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers the grant errors', async () => {
    const post = (body: unknown, headers?: Record<string, string>) => t.api('POST', '/oauth2/token', { token: null, body, headers });
    expect((await post({})).body).toEqual({ error: 'unsupported_grant_type', error_description: 'grant_type' });
    expect((await post({ grant_type: 'password' })).status).toBe(400);
    expect((await post({ grant_type: 'authorization_code', code: ' ' })).body).toEqual({
      error: 'invalid_request',
      error_description: 'authorization_code',
    });
    expect((await post({ grant_type: 'refresh_token', refresh_token: 'abc' })).status).toBe(404);
    const form = await send(t.master, 'POST', '/oauth2/token', {
      raw: 'grant_type=authorization_code&code=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect([form.status, form.body]).toEqual([500, { message: 'Internal server error' }]);
    const html = await send(t.master, 'POST', '/oauth2/token', { headers: { Accept: 'text/html' } });
    expect(html.headers.get('Content-Type')).toBe('text/html');
  });

  it('issues expiring tokens, reports expiry as 403 and rotates on refresh', async () => {
    const made = await t.api('POST', '/oauth2/authorize', { body: { response_type: 'token', scope: 'user', expires_in: '60' } });
    expect(made.status).toBe(201);
    const tok = obj(made.body);
    expect(tok.access_token).toMatch(/^[0-9a-f]{64}$/);
    expect(tok.refresh_token).toMatch(/^[0-9a-f]{128}$/);
    expect(tok.expires_in).toBe(60);
    const access = String(tok.access_token);
    expect((await t.api('GET', '/v1/grids', { token: access })).status).toBe(200);
    t.clock.advance(61_000);
    const expired = await t.api('GET', '/v1/grids', { token: access });
    expect([expired.status, expired.body]).toEqual([403, { error: 'invalid_token', error_description: 'Token expired' }]);
    // Query-string parameters work too, and refresh works with an expired access token.
    const refreshed = await t.api('POST', `/oauth2/token?grant_type=refresh_token&refresh_token=${String(tok.refresh_token)}`, {
      token: null,
      body: {},
    });
    expect(refreshed.status).toBe(201);
    const next = obj(refreshed.body);
    expect(next.expires_in).toBe(7200);
    expect(next.refresh_token).not.toBe(tok.refresh_token);
    expect((await t.api('GET', '/v1/grids', { token: String(next.access_token) })).status).toBe(200);
    expect((await t.api('GET', '/v1/grids', { token: access })).body).toEqual({
      error: 'invalid_token',
      error_description: 'Invalid token',
    });
    const reuse = await t.api('POST', '/oauth2/token', {
      token: null,
      body: { grant_type: 'refresh_token', refresh_token: tok.refresh_token },
    });
    expect(reuse.status).toBe(404);
  });

  it('makes one-time codes whose expiry counts from their creation', async () => {
    const made = obj((await t.api('POST', '/oauth2/authorize', { body: { response_type: 'code', expires_in: 100 } })).body);
    expect(made).toMatchObject({ grant_type: 'authorization_code', code: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown });
    t.clock.advance(40_000);
    const res = await send(t.master, 'POST', '/oauth2/token', {
      body: { grant_type: 'authorization_code', code: made.code },
      headers: { Accept: '*/*', 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(201);
    const form = new URLSearchParams(res.text);
    expect(form.get('expires_in')).toBe('60');
    expect(form.get('refresh_token')).toMatch(/^[0-9a-f]{128}$/);
  });

  it('deletes tokens', async () => {
    const id = String(obj((await t.api('GET', `/oauth2/tokens/${t.token}`)).body).id);
    const del = await t.api('DELETE', `/oauth2/tokens/${id}`);
    expect([del.status, del.text]).toEqual([201, '']);
    expect((await t.api('GET', '/v1/grids')).status).toBe(403);
  });
});

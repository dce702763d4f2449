/**
 * `/oauth2/token` (authorization_code and refresh_token grants), `/oauth2/authorize`
 * and `/oauth2/tokens` (docs/kontena-api.md §2.2), with their status codes and bodies.
 */
import type { SimContext } from '../context';
import { empty, HttpError, internalError, json, notFound } from '../http';
import { addToken, addUser, deleteToken, isMasterAdmin } from '../model/store';
import type { TokenRecord, UserRecord } from '../model/types';
import type { RouteRequest, Router } from '../router';
import { tokenJson } from '../views/token-json';
import { requireAuth, requireUser, toI } from './helpers';

const REFRESHED_TOKEN_LIFE_MS = 7200 * 1000;

function wantsJson(request: Request): boolean {
  const accept = request.headers.get('Accept') ?? '';
  const type = request.headers.get('Content-Type') ?? '';
  return accept.includes('application/json') || type.includes('application/json');
}

/** OAuth2 errors are JSON only for JSON clients; others get form-encoded or HTML bodies. */
function oauthError(request: Request, status: number, error: string, description: string | null): Response {
  if (wantsJson(request)) return json(status, { error, error_description: description });
  const accept = request.headers.get('Accept') ?? '';
  if (accept.includes('text/html')) {
    const html = `<html><head><title>${error}</title></head><body><h1>${error}</h1><p>${description ?? ''}</p></body></html>`;
    return new Response(html, { status, headers: { 'Content-Type': 'text/html' } });
  }
  const form = new URLSearchParams({ error, error_description: description ?? '' }).toString();
  return new Response(form, { status, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/**
 * `kontena master user invite`: a master admin creates the user and gets its invite link
 * (docs/kontena-api-grid.md G6.2). The email's format goes unchecked, as in 1.2.
 */
function invite(ctx: SimContext, actor: UserRecord, params: Record<string, unknown>, url: URL): Response {
  if (!isMasterAdmin(actor)) {
    throw new HttpError(403, { error: 'access_denied', error_description: 'You do not have the permission to create invites' });
  }
  const email = params.email;
  if (typeof email !== 'string' || email === '') throw new HttpError(400, { error: 'invalid_request', error_description: 'email' });
  // User.create! on a taken email raises: the error handler's 500.
  if ([...ctx.store.users.values()].some((u) => u.email === email)) return internalError();
  const user = addUser(ctx.store, { email, name: typeof params.name === 'string' && params.name !== '' ? params.name : email });
  const inviteCode = ctx.store.ids.hex(32);
  return json(201, { email: user.email, invite_code: inviteCode, link: `https://${url.host}/j/${inviteCode}` });
}

function tokenSuccess(request: Request, ctx: SimContext, token: TokenRecord): Response {
  const body = tokenJson(token, ctx.store.now(), true);
  if (wantsJson(request)) return json(201, body);
  const form = new URLSearchParams({
    access_token: body.access_token ?? '',
    refresh_token: body.refresh_token ?? '',
    expires_in: body.expires_in === null || body.expires_in === undefined ? '' : String(body.expires_in),
    username: token.user.name ?? token.user.email,
    server_name: body.server.name ?? '',
  }).toString();
  return new Response(form, { status: 201, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/** Query-string parameters and the JSON body, merged; blank values count as missing. */
async function tokenParams(req: RouteRequest): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [k, v] of req.url.searchParams) params[k] = v;
  const type = req.request.headers.get('Content-Type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    // Rack decodes such a body into an array of pairs and the handler then crashes.
    const text = await req.request.text();
    if (text.trim() !== '') throw new Error('form-encoded token request');
  } else {
    const body = await req.json();
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params[k] = String(v);
    }
  }
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v.trim() !== ''));
}

export function oauthRoutes(router: Router): void {
  router.all('/oauth2/token', async (req, ctx) => {
    const { request } = req;
    const store = ctx.store;
    if (request.method.toUpperCase() === 'OPTIONS') return oauthError(request, 400, 'invalid_request', 'grant_type');
    const params = await tokenParams(req);
    const grant = params.grant_type;
    // Either grant uses its code or refresh token up and answers with a new token.
    const exchange = (used: TokenRecord, expiresAt: number | null, refreshable: boolean): Response => {
      deleteToken(store, used);
      return tokenSuccess(request, ctx, addToken(store, { user: used.user, scopes: used.scopes, expiresAt, refreshable }));
    };
    if (grant === 'authorization_code') {
      const code = params.code;
      if (code === undefined) return oauthError(request, 400, 'invalid_request', 'authorization_code');
      const record = store.byCode.get(code);
      if (!record) return oauthError(request, 404, 'invalid_grant', null);
      return exchange(record, record.expiresAt, record.expiresAt !== null);
    }
    if (grant === 'refresh_token') {
      const refresh = params.refresh_token;
      if (refresh === undefined) return oauthError(request, 400, 'invalid_request', 'refresh_token');
      const record = store.byRefreshToken.get(refresh);
      if (!record) return oauthError(request, 404, 'invalid_grant', null);
      return exchange(record, store.now() + REFRESHED_TOKEN_LIFE_MS, true);
    }
    return oauthError(request, 400, 'unsupported_grant_type', 'grant_type');
  });

  router.post('/oauth2/authorize', async (req, ctx) => {
    const store = ctx.store;
    const auth = requireAuth(req.auth);
    if (!auth.token.scopes.includes('user')) throw new HttpError(403, { error: 'access_denied', error_description: 'Insufficient scope' });
    const body = await req.json();
    const params: Record<string, unknown> = {};
    for (const [k, v] of req.url.searchParams) params[k] = v;
    Object.assign(params, body);
    let user = auth.user;
    if (typeof params.user === 'string' && params.user !== '' && params.user !== user.email) {
      if (!isMasterAdmin(user))
        throw new HttpError(403, { error: 'access_denied', error_description: 'Only admins can create tokens for other users' });
      const other = [...store.users.values()].find((u) => u.email === params.user);
      if (!other) throw notFound();
      user = other;
    }
    const expiresIn = toI(params.expires_in === undefined || params.expires_in === null ? null : String(params.expires_in));
    const expiresAt = expiresIn > 0 ? store.now() + expiresIn * 1000 : null;
    const scopes = typeof params.scope === 'string' && params.scope !== '' ? params.scope.split(',').map((s) => s.trim()) : ['user'];
    const responseType = params.response_type;
    if (responseType === 'token') {
      const token = addToken(store, { user, scopes, expiresAt, refreshable: expiresAt !== null });
      return json(201, tokenJson(token, store.now(), true));
    }
    if (responseType === 'code') {
      const code = addToken(store, { user, scopes, expiresAt, code: true });
      return json(201, tokenJson(code, store.now(), true));
    }
    if (responseType === 'invite') return invite(ctx, auth.user, params, req.url);
    return json(400, { error: 'unsupported_response_type', error_description: 'response_type' });
  });

  router.get('/oauth2/tokens', ({ auth }, ctx) => {
    const user = requireUser(auth);
    const now = ctx.store.now();
    const tokens = [...ctx.store.tokens.values()].filter((t) => t.user === user && t.code === null).map((t) => tokenJson(t, now, false));
    return json(200, { tokens });
  });

  const findToken = (ctx: SimContext, key: string): TokenRecord | undefined =>
    ctx.store.tokens.get(key) ?? ctx.store.byAccessToken.get(key);

  router.get('/oauth2/tokens/:token', ({ auth, params }, ctx) => {
    const user = requireUser(auth);
    const token = findToken(ctx, params.token ?? '');
    if (!token || token.code !== null) throw notFound();
    if (token.user !== user && !isMasterAdmin(user)) return json(401, 'Unauthorized');
    return json(200, tokenJson(token, ctx.store.now(), false));
  });

  router.delete('/oauth2/tokens/:token', ({ auth, params }, ctx) => {
    const user = requireUser(auth);
    const token = findToken(ctx, params.token ?? '');
    if (!token) throw notFound();
    if (token.user !== user && !isMasterAdmin(user)) return json(401, 'Unauthorized');
    deleteToken(ctx.store, token);
    return empty(201);
  });
}

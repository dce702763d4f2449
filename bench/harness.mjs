// What every browser bench starts with, written once: the mock master (a seeded
// scenario, a known one-time admin code), the production build served by serve.ts in
// front of it, the admin's token, an admin REST helper, and a session in the shape
// src/api/session.ts keeps in browser storage.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_CODE = 'b3nc40de0001';
/** The key src/api/session.ts stores the session under (sessionStorage, or localStorage when remembered). */
export const SESSION_KEY = 'kontena-dashboard.session';

const load = (rel) => tsImport(pathToFileURL(path.join(root, rel)).href, import.meta.url);

/** A token answer of /oauth2/token as the session src/api/session.ts keeps. */
export function sessionFromToken(t, { now = Date.now(), remember = false } = {}) {
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token ?? null,
    expiresAt: t.expires_in == null ? null : now + t.expires_in * 1000,
    user: t.user ? { id: t.user.id, email: t.user.email, name: t.user.name } : null,
    remember,
  };
}

/**
 * Starts the mock master and serve.ts on ports chosen at run time. `upstreamFor(mockUrl)`
 * may put something between them (the logs bench's fast stream); `simulator` goes to the
 * simulator (a fake clock). Close it with `close()`.
 */
export async function startBenchStack({ distDir, scenario = 'demo', simulator, upstreamFor } = {}) {
  const { startMockMaster } = await load('server/mock-master.ts');
  const { startServe } = await load('server/serve.ts');
  const mock = await startMockMaster({ port: 0, scenario, seed: 1, initialAdminCode: ADMIN_CODE, ...(simulator ? { simulator } : {}) });
  let web;
  try {
    const upstream = upstreamFor ? await upstreamFor(mock.url) : mock.url;
    web = await startServe({ port: 0, upstream, distDir });
    const api = async (method, p, body, token = adminToken) => {
      const res = await fetch(`${mock.url}${p}`, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    let adminToken = null;
    const admin = await api('POST', '/oauth2/token', { grant_type: 'authorization_code', code: ADMIN_CODE }, null);
    if (admin.status !== 201 || !admin.body?.access_token) throw new Error(`the mock master refused the admin code (${admin.status})`);
    adminToken = admin.body.access_token;
    return {
      mock,
      web,
      api,
      token: adminToken,
      adminSession: sessionFromToken(admin.body),
      async close() {
        await web.close();
        await mock.close();
      },
    };
  } catch (error) {
    await web?.close();
    await mock.close();
    throw error;
  }
}

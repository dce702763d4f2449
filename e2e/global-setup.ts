import { startMockMaster } from '../server/mock-master';
import { startServe } from '../server/serve';

// The admin code the e2e journeys sign in with (INITIAL_ADMIN_CODE of the mock master).
const ADMIN_CODE = 'e2e0c0de0001';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const mock = await startMockMaster({ port: 0, scenario: 'demo', seed: 1, initialAdminCode: ADMIN_CODE });
  // E2E_DIST lets parallel work test its own build without touching dist/.
  const web = await startServe({ port: 0, upstream: mock.url, distDir: process.env.E2E_DIST });
  process.env.E2E_BASE_URL = web.url;
  process.env.E2E_MASTER_URL = mock.url;
  // The initial admin code can be exchanged once; the journeys then mint their own
  // one-time codes with this token, as `kontena master token create --code` does.
  const res = await fetch(`${mock.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', code: ADMIN_CODE }),
  });
  const token = (await res.json()) as { access_token?: string };
  if (res.status !== 201 || !token.access_token) throw new Error(`mock master refused the admin code (${res.status})`);
  process.env.E2E_ADMIN_TOKEN = token.access_token;
  return async () => {
    await web.close();
    await mock.close();
  };
}

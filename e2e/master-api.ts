/**
 * The journeys' side door to the mock master: its REST API with the admin token
 * e2e/global-setup.ts obtained, for setting up and changing what a journey then looks at
 * in the browser (create, deploy, scale, stop a service; mint or revoke a token).
 */
export interface MasterAnswer {
  status: number;
  /** The parsed JSON body; undefined when the body is empty. */
  body: unknown;
}

function adminToken(): string {
  const token = process.env.E2E_ADMIN_TOKEN;
  if (!token) throw new Error('E2E_ADMIN_TOKEN is not set: e2e/global-setup.ts did not run');
  return token;
}

export async function masterApi(masterUrl: string, method: string, path: string, body?: unknown): Promise<MasterAnswer> {
  const res = await fetch(`${masterUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${adminToken()}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

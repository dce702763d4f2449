/**
 * Helpers for tests that drive the simulated master directly with `handle(Request)`
 * and a fake clock (used by the simulator's own tests; handy for page tests too).
 */
import type { ScenarioName, SimulatedMaster } from '../../src/simulator/contract';
import { createFakeClock, type FakeClock } from '../../src/simulator/engine/clock';
import { createSimulatedMaster } from '../../src/simulator/index';

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface SendOptions {
  body?: unknown;
  /** A body sent as it is (no JSON encoding, no Content-Type). */
  raw?: string;
  token?: string | null;
  headers?: Record<string, string>;
}

export interface TestMaster {
  master: SimulatedMaster;
  clock: FakeClock;
  token: string;
  /** Sends a request as the signed-in admin (or with `token: null` without one). */
  api(method: string, path: string, options?: SendOptions): Promise<ApiResult>;
}

export const TEST_ADMIN_CODE = 'c0de00c0de00';

export async function send(
  master: Pick<SimulatedMaster, 'handle'>,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const res = await master.handle(new Request(`http://sim${path}`, { method, headers, body: payload }));
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export async function createTestMaster(options: { scenario?: ScenarioName; live?: boolean; seed?: number } = {}): Promise<TestMaster> {
  const clock = createFakeClock();
  const master = createSimulatedMaster({
    clock,
    initialAdminCode: TEST_ADMIN_CODE,
    scenario: options.scenario ?? 'demo',
    live: options.live ?? true,
    seed: options.seed ?? 1,
  });
  const res = await send(master, 'POST', '/oauth2/token', { body: { grant_type: 'authorization_code', code: TEST_ADMIN_CODE } });
  const token = (res.body as { access_token?: string } | undefined)?.access_token;
  if (res.status !== 201 || !token) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return {
    master,
    clock,
    token,
    api: (method, path, opts = {}) => send(master, method, path, { ...opts, token: opts.token === undefined ? token : opts.token }),
  };
}

/** Narrowing for JSON bodies in tests. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

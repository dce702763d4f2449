/**
 * The one place that calls fetch for the master: bearer auth, refresh ahead of expiry
 * (single-flight), one refresh + retry on 403 "Token expired", typed errors, schema
 * checks, and the online/offline state the shell shows.
 */
import type { z } from './schemas/zod-mini';
import { ApiError, isTransientApiError } from './errors';
import { errorFromResponse, invalidTokenDescription, isProxyGatewayFailure, authMessage } from './http-errors';
import { queryString } from './path';
import type { QueryParams } from './path';
import { redactSecrets } from './redact';
import { createListeners } from '../lib/listeners';
import { checkAnswer } from './answer-check';
import type { AnswerCheck, OffThreadAnswers, OffThreadName } from './answer-check';
import { checkOffThread, warmUpOffThread } from './answer-check-worker';
import { describeNonJson, interpretBody } from './response-body';
import type { ResponseBody } from './response-body';
import { tokenSchema } from './schemas/token';
import type { TokenRequestBody } from './schemas/requests/token-body';
import { getSession, notifyAuthFailure, reloadSession, sessionFromToken, setSession } from './session';
import type { Session } from './session';

interface ClientOptions {
  /** Origin (and prefix) of the master or of the same-origin proxy. Default '' = same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export type ConnectionState = 'online' | 'offline';

/** How a request authenticates: the stored session (default), nothing, or one given token (sign-in check). */
type RequestAuth = 'session' | 'none' | { token: string };

/** What the resource functions accept besides their arguments (TanStack Query passes its signal). */
export interface RequestOptions {
  signal?: AbortSignal;
}

interface ApiRequestInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  query?: QueryParams;
  auth?: RequestAuth;
  /** The answer may hold a token: never keep its body in an error. */
  sensitive?: boolean;
}

/** Refresh when this little of the token's life is left (docs/kontena-api.md §2.3). */
const REFRESH_AHEAD_MS = 60_000;

const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

let baseUrl = '';
let fetchImpl: typeof fetch = defaultFetch;
let now: () => number = () => Date.now();
let refreshInFlight: Promise<Session> | null = null;
let connection: ConnectionState = 'online';
const connectionListeners = createListeners<[ConnectionState]>();

/** Also resets the connection state and any refresh in flight (a fresh client). */
export function configureClient(options: ClientOptions): void {
  baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  fetchImpl = options.fetch ?? defaultFetch;
  now = options.now ?? (() => Date.now());
  refreshInFlight = null;
  connection = 'online';
}

/** The clock the client uses for token expiry (injected in tests). */
export function clientNow(): number {
  return now();
}

export function connectionState(): ConnectionState {
  return connection;
}

export function subscribeConnection(fn: (s: ConnectionState) => void): () => void {
  return connectionListeners.subscribe(fn);
}

function setConnection(next: ConnectionState): void {
  if (connection === next) return;
  connection = next;
  connectionListeners.notify(next);
}

interface PreparedRequest {
  method: string;
  path: string;
  query: QueryParams | undefined;
  body: unknown;
  signal: AbortSignal | undefined;
  sensitive: boolean;
  endpoint: string;
}

function prepare(path: string, init: ApiRequestInit | undefined): PreparedRequest {
  const method = (init?.method ?? 'GET').toUpperCase();
  return {
    method,
    path,
    query: init?.query,
    body: init?.body,
    signal: init?.signal,
    sensitive: init?.sensitive ?? false,
    endpoint: `${method} ${path}`,
  };
}

function isAbort(e: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (e instanceof Error && e.name === 'AbortError');
}

/** One fetch, no auth logic. Network failures become ApiError network (offline); aborts pass through. */
async function send(req: PreparedRequest, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (req.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  try {
    return await fetchImpl(`${baseUrl}${req.path}${queryString(req.query)}`, {
      method: req.method,
      headers,
      body,
      signal: req.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    if (isAbort(e, req.signal)) throw e;
    setConnection('offline');
    const reason = e instanceof Error && e.message ? ` (${e.message})` : '';
    // No `cause`: a platform error text may quote the request, and a logged cause chain is not redacted.
    throw new ApiError({
      kind: 'network',
      message: `Cannot reach the Kontena Master: ${req.endpoint} failed${reason}.`,
      endpoint: req.endpoint,
    });
  }
}

async function readBody(req: PreparedRequest, res: Response): Promise<ResponseBody> {
  try {
    return interpretBody(await res.text());
  } catch (e) {
    throw readFailure(req, res, e);
  }
}

/** The body could not be read to its end: an abort as such, else the connection broke. */
function readFailure(req: PreparedRequest, res: Response, e: unknown): unknown {
  if (isAbort(e, req.signal)) return e;
  setConnection('offline');
  return new ApiError({
    kind: 'network',
    message: `The connection to the master broke while reading the answer to ${req.endpoint}.`,
    endpoint: req.endpoint,
    status: res.status,
    cause: e,
  });
}

/** Reads a non-2xx answer into an ApiError and updates the connection state from it. */
async function failure(req: PreparedRequest, res: Response, body?: ResponseBody): Promise<ApiError> {
  const read = body ?? (await readBody(req, res));
  setConnection(isProxyGatewayFailure(res.status, read) ? 'offline' : 'online');
  return errorFromResponse(req.endpoint, res.status, read, req.sensitive);
}

function failAuth(used: Session | null, description: string, req: PreparedRequest, status: number | null): ApiError {
  // Only the request that finds the session still in place signs out and notifies, so
  // concurrent failures produce one sign-in prompt.
  const currentSession = getSession();
  if (used === null || currentSession?.accessToken === used.accessToken) {
    if (currentSession) setSession(null);
    notifyAuthFailure(description);
  }
  return new ApiError({
    kind: 'auth',
    status,
    endpoint: req.endpoint,
    message: used === null ? 'You are not signed in to the Kontena Master.' : authMessage(description),
  });
}

/** Refreshes the session's tokens; concurrent callers share one request (the master rotates both tokens). */
export function refreshSession(session: Session): Promise<Session> {
  if (refreshInFlight) return refreshInFlight;
  const flight = (async () => {
    const refreshToken = session.refreshToken;
    if (refreshToken === null) {
      throw new ApiError({ kind: 'auth', message: 'This session cannot be refreshed (it has no refresh token).' });
    }
    const token = await apiRequest(tokenSchema, '/oauth2/token', {
      method: 'POST',
      body: { grant_type: 'refresh_token', refresh_token: refreshToken } satisfies TokenRequestBody,
      auth: 'none',
      sensitive: true,
    });
    const accessToken = token.access_token;
    if (accessToken === null) {
      throw new ApiError({
        kind: 'badResponse',
        endpoint: 'POST /oauth2/token',
        message: 'The master refreshed the session but sent no access token.',
      });
    }
    const next = sessionFromToken({ ...token, access_token: accessToken }, session.remember, now());
    // A sign-out during the refresh wins: do not bring the session back.
    if (getSession()?.accessToken === session.accessToken) setSession(next);
    return next;
  })();
  refreshInFlight = flight;
  // Only this refresh's own slot is cleared: configureClient may have started over meanwhile.
  const settled = (): void => {
    if (refreshInFlight === flight) refreshInFlight = null;
  };
  flight.then(settled, settled);
  return flight;
}

/** The session to send, refreshed first when it expires within REFRESH_AHEAD_MS. */
async function freshSession(req: PreparedRequest): Promise<Session> {
  const session = getSession() ?? reloadSession();
  if (!session) throw failAuth(null, 'Not signed in', req, null);
  const { expiresAt, refreshToken } = session;
  if (refreshToken === null || expiresAt === null || expiresAt - now() > REFRESH_AHEAD_MS) return session;
  try {
    return await refreshSession(session);
  } catch (e) {
    const stillValid = expiresAt > now();
    if (isTransientApiError(e)) {
      if (stillValid) return session;
      throw e;
    }
    // The refresh token was refused: another tab may have rotated it already.
    const stored = reloadSession();
    if (stored && stored.accessToken !== session.accessToken) return stored;
    if (stillValid) return session;
    throw failAuth(session, 'Token expired', req, null);
  }
}

/** Sends an authenticated request; answers with the 2xx Response (body unread) or throws ApiError. */
async function authorized(req: PreparedRequest, auth: RequestAuth): Promise<Response> {
  if (auth === 'none' || typeof auth === 'object') {
    const res = await send(req, auth === 'none' ? null : auth.token);
    if (res.ok) {
      setConnection('online');
      return res;
    }
    throw await failure(req, res);
  }

  let session = await freshSession(req);
  let retried = false;
  for (;;) {
    const res = await send(req, session.accessToken);
    if (res.ok) {
      setConnection('online');
      return res;
    }
    const body = await readBody(req, res);
    const description = res.status === 403 ? invalidTokenDescription(body.json) : null;
    if (description === null) throw await failure(req, res, body);
    setConnection('online');
    if (!retried) {
      retried = true;
      // Another request (or tab) may have refreshed while this one was in flight.
      const latest = getSession()?.accessToken !== session.accessToken ? getSession() : reloadSession();
      if (latest && latest.accessToken !== session.accessToken) {
        session = latest;
        continue;
      }
      if (description === 'Token expired' && session.refreshToken !== null) {
        try {
          session = await refreshSession(session);
          continue;
        } catch (e) {
          if (isTransientApiError(e)) throw e;
        }
      }
    }
    throw failAuth(session, description, req, res.status);
  }
}

function devWarn(message: string, details: unknown): void {
  if (import.meta.env?.DEV) console.warn(redactSecrets(message), details);
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Calls the master and checks the answer against `schema`. Throws ApiError for every
 * failure: HTTP errors by status, non-JSON or mis-shaped 2xx bodies as badResponse.
 */
export async function apiRequest<T>(schema: z.ZodMiniType<T>, path: string, init?: ApiRequestInit): Promise<T> {
  const req = prepare(path, init);
  const res = await authorized(req, init?.auth ?? 'session');
  return checkedData(req, res, checkAnswer(schema, await readBody(req, res)));
}

/**
 * apiRequest for a big polled answer: its body is checked against its answer-check.ts entry
 * in the answer-check worker (answer-check-worker.ts), so the main thread neither parses nor validates it.
 */
export async function apiRequestOffThread<K extends OffThreadName>(
  name: K,
  path: string,
  init?: ApiRequestInit,
): Promise<OffThreadAnswers[K]> {
  const req = prepare(path, init);
  warmUpOffThread();
  const res = await authorized(req, init?.auth ?? 'session');
  let bytes: ArrayBuffer;
  try {
    bytes = await res.arrayBuffer();
  } catch (e) {
    throw readFailure(req, res, e);
  }
  return checkedData(req, res, await checkOffThread(name, req.endpoint, bytes));
}

/** The data of a checked answer, or the ApiError that says what was wrong with it. */
function checkedData<T>(req: PreparedRequest, res: Response, checked: AnswerCheck<T>): T {
  if (checked.ok) return checked.data;
  const { body, issues } = checked;
  if (issues === null) {
    throw new ApiError({
      kind: 'badResponse',
      status: res.status,
      endpoint: req.endpoint,
      body: req.sensitive ? undefined : body.text.slice(0, 2000),
      message: `The master answered ${req.endpoint} with ${describeNonJson(body)}.`,
    });
  }
  devWarn(`[api] ${req.endpoint}: the answer does not match its schema`, issues);
  throw new ApiError({
    kind: 'badResponse',
    status: res.status,
    endpoint: req.endpoint,
    body: req.sensitive ? undefined : body.json,
    message: `The master's answer to ${req.endpoint} does not have the expected shape (${describeIssues(issues)}).`,
    cause: issues,
  });
}

/**
 * Opens a streaming GET (logs, events) with the same auth and refresh handling and
 * returns the 2xx Response with its body unread; errors throw ApiError.
 */
export function apiStream(path: string, query: QueryParams | undefined, signal: AbortSignal): Promise<Response> {
  return authorized(prepare(path, { query, signal }), 'session');
}

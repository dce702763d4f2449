/**
 * Turns a non-2xx answer of the master into an ApiError (docs/kontena-api.md §3). Every
 * message names the request and says what happened in words.
 */
import { ApiError, flattenFieldErrors } from './errors';
import type { ResponseBody } from './response-body';
import { describeNonJson, isPlainObject } from './response-body';
import {
  accessDeniedBodySchema,
  fieldErrorsSchema,
  invalidTokenBodySchema,
  plainErrorBodySchema,
  serverErrorBodySchema,
  wrappedValidationBodySchema,
} from './schemas/error-bodies';
import type { FieldErrors } from './schemas/error-bodies';

/** The master's own words from an error body: `error_description`, `error` or `message`. */
function masterMessage(json: unknown): string | null {
  const plain = plainErrorBodySchema.safeParse(json);
  if (plain.success) return plain.data.error_description ?? plain.data.error;
  const server = serverErrorBodySchema.safeParse(json);
  if (server.success) return server.data.message;
  return null;
}

/** 422 bodies come wrapped (`{"error":{…}}`) from mutations and bare from `POST …/envs`. */
function fieldErrorsOf(json: unknown): FieldErrors | null {
  const wrapped = wrappedValidationBodySchema.safeParse(json);
  if (wrapped.success) return wrapped.data.error;
  if (isPlainObject(json) && !('error' in json)) {
    const bare = fieldErrorsSchema.safeParse(json);
    if (bare.success && Object.keys(bare.data).length > 0) return bare.data;
  }
  return null;
}

/** True when the body is the auth middleware's 403 `invalid_token`; gives its description. */
export function invalidTokenDescription(json: unknown): string | null {
  const parsed = invalidTokenBodySchema.safeParse(json);
  return parsed.success ? parsed.data.error_description : null;
}

/**
 * A 502–504 that did not come from the master: the master itself is unreachable. A
 * proxy's page is not JSON; server/serve.ts answers JSON marked `proxy: "upstream_unreachable"`.
 */
export function isProxyGatewayFailure(status: number, body: ResponseBody): boolean {
  if (status < 502 || status > 504) return false;
  const json = body.json;
  return !isPlainObject(json) || json.proxy === 'upstream_unreachable';
}

export function errorFromResponse(endpoint: string, status: number, body: ResponseBody, sensitive = false): ApiError {
  const json = body.json;
  const keep = sensitive ? undefined : (json ?? (body.shape === 'empty' ? undefined : body.text.slice(0, 2000)));
  const said = masterMessage(json);
  const base = { status, body: keep, endpoint };

  if (status === 422 || status === 400) {
    const fieldErrors = fieldErrorsOf(json);
    if (fieldErrors) {
      const lines = flattenFieldErrors(fieldErrors);
      return new ApiError({
        ...base,
        kind: 'validation',
        fieldErrors,
        message: `The master rejected ${endpoint}: ${lines.join('; ') || 'invalid input'}.`,
      });
    }
    return new ApiError({
      ...base,
      kind: 'validation',
      message: said
        ? `The master rejected ${endpoint}: ${said}.`
        : `The master rejected ${endpoint} (HTTP ${status}, ${describeNonJson(body)}).`,
    });
  }
  if (status === 403 || status === 401) {
    const description = invalidTokenDescription(json);
    if (description !== null) {
      return new ApiError({ ...base, kind: 'auth', message: authMessage(description) });
    }
    if (accessDeniedBodySchema.safeParse(json).success) {
      return new ApiError({ ...base, kind: 'forbidden', message: `Access denied: you are not a member of this grid (${endpoint}).` });
    }
    return new ApiError({
      ...base,
      kind: 'forbidden',
      message: said
        ? `The master refused ${endpoint}: ${said}.`
        : `The master refused ${endpoint} (HTTP ${status}, ${describeNonJson(body)}).`,
    });
  }
  if (status === 404) {
    if (body.shape === 'empty') {
      return new ApiError({
        ...base,
        kind: 'notFound',
        message: `The master has no such endpoint: ${endpoint} answered 404 with an empty body.`,
      });
    }
    if (body.shape !== 'json') {
      return new ApiError({ ...base, kind: 'notFound', message: `${endpoint} answered 404 with ${describeNonJson(body)}.` });
    }
    return new ApiError({ ...base, kind: 'notFound', message: `${said ?? 'Not found'}: ${endpoint}.` });
  }
  if (status === 429) {
    return new ApiError({
      ...base,
      kind: 'rateLimited',
      message: `Too many requests (${endpoint}): the master allows 60 sign-in requests a minute. Wait a minute and try again.`,
    });
  }
  if (status >= 500) {
    if (isProxyGatewayFailure(status, body)) {
      return new ApiError({
        ...base,
        kind: 'network',
        message: `The Kontena Master cannot be reached: the proxy answered ${endpoint} with HTTP ${status}.`,
      });
    }
    return new ApiError({
      ...base,
      kind: 'server',
      message: said
        ? `The master failed on ${endpoint} (HTTP ${status}): ${said}.`
        : `The master failed on ${endpoint} (HTTP ${status}, ${describeNonJson(body)}).`,
    });
  }
  return new ApiError({
    ...base,
    kind: 'badResponse',
    message: `Unexpected answer to ${endpoint}: HTTP ${status}${said ? ` (${said})` : ''}.`,
  });
}

export function authMessage(description: string): string {
  return description === 'Token expired'
    ? 'Your session has expired (Token expired). Sign in again.'
    : `The master does not accept your sign-in any more (${description}). Sign in again.`;
}

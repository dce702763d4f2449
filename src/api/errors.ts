import type { FieldErrors } from './schemas/error-bodies';
import { redactSecrets } from './redact';

export type { FieldErrors, FieldError } from './schemas/error-bodies';

type ApiErrorKind = 'network' | 'auth' | 'forbidden' | 'notFound' | 'validation' | 'server' | 'badResponse' | 'rateLimited';

interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number | null;
  fieldErrors?: FieldErrors | null;
  body?: unknown;
  /** "METHOD /path" of the request, without the query. */
  endpoint?: string | null;
  cause?: unknown;
}

/**
 * Every failure of a call to the master. `message` is a sentence a user can read; it
 * is scrubbed of tokens on construction, so it is safe to show and to log.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly fieldErrors: FieldErrors | null;
  readonly body: unknown;
  readonly endpoint: string | null;

  constructor(init: ApiErrorInit) {
    super(redactSecrets(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.fieldErrors = init.fieldErrors ?? null;
    this.body = init.body;
    this.endpoint = init.endpoint ?? null;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** True for the errors that retrying the same request can fix (master down, 5xx, rate limit, garbage from a proxy). */
export function isTransientApiError(e: unknown): boolean {
  return isApiError(e) && (e.kind === 'network' || e.kind === 'server' || e.kind === 'badResponse' || e.kind === 'rateLimited');
}

/** "field.sub[1].key: message" lines for every leaf of a nested 422 error object, in order. */
export function flattenFieldErrors(errors: FieldErrors, prefix = ''): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    lines.push(...flattenFieldError(value, path));
  }
  return lines;
}

function flattenFieldError(value: FieldErrors[string], path: string): string[] {
  if (typeof value === 'string') return [`${path}: ${value}`];
  if (Array.isArray(value)) {
    return value.flatMap((entry, i) => {
      if (entry === null) return [];
      if (typeof entry === 'string') return [`${path}[${i}]: ${entry}`];
      return flattenFieldErrors(entry, `${path}[${i}]`);
    });
  }
  return flattenFieldErrors(value, path);
}

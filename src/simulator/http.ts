/** Response helpers with the master's conventions (docs/kontena-api.md §0, §3.2). */

export const MASTER_VERSION = '1.2.0.dev';

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Roda's no-match and a few "halt" answers: no body, still `application/json`. */
export function empty(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Type': 'application/json' } });
}

const NOT_FOUND_BODY = { error: 'Not found' } as const;
const INTERNAL_ERROR_BODY = { message: 'Internal server error' } as const;

/** Thrown by route helpers (load grid, load service, …) to answer at once. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }

  toResponse(): Response {
    return this.body === null ? empty(this.status) : json(this.status, this.body);
  }
}

export function notFound(): HttpError {
  return new HttpError(404, NOT_FOUND_BODY);
}

export function unprocessable(errors: unknown): HttpError {
  return new HttpError(422, { error: errors });
}

export function internalError(): Response {
  return json(500, INTERNAL_ERROR_BODY);
}

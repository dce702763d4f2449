/**
 * Roda-like routing: each `:param` matches one raw (not percent-decoded) segment, a
 * path that matches nothing gets 404 with an empty body, handler exceptions become
 * 500 {"message":"Internal server error"}, and JSON bodies are parsed whatever the
 * Content-Type says (docs/kontena-api.md §0).
 */
import type { AuthInfo } from './auth';
import type { SimContext } from './context';
import { HttpError, empty, internalError } from './http';
import { recordAudit, type AuditNote } from './model/audit';
import { isPlainObject } from './validation/filters';

const INVALID = Symbol('invalid json');

export interface RouteRequest {
  request: Request;
  url: URL;
  params: Record<string, string>;
  auth: AuthInfo | null;
  /**
   * The JSON body as an object ({} when empty). Invalid JSON → 400 {"error":"Invalid json"};
   * valid JSON that is not an object → 500, as the real handlers crash on it.
   */
  json(): Promise<Record<string, unknown>>;
  /**
   * The audit log hook (docs/kontena-api-grid.md G5), opt-in per route: a handler that the
   * master audits calls `req.audit(auditOf.<kind>(resource, '<event>'))` (model/audit.ts) once
   * it knows the resource; the router records the entry when the answer is a 2xx, or at once
   * for a note made with `before` (node remove, container inspect/exec). A route that never
   * calls it writes nothing.
   */
  audit(note: AuditNote): void;
}

type Handler = (req: RouteRequest, ctx: SimContext) => Response | Promise<Response>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split('/').slice(1), handler });
    return this;
  }

  /** Any HTTP method (the /oauth2/token route accepts them all). */
  all(pattern: string, handler: Handler): this {
    return this.add('*', pattern, handler);
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler);
  }

  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    const parts = path.split('/').slice(1);
    for (const route of this.routes) {
      if (route.method !== '*' && route.method !== method) continue;
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const want = route.segments[i] ?? '';
        const got = parts[i] ?? '';
        if (want.startsWith(':')) {
          if (got === '') {
            ok = false;
            break;
          }
          params[want.slice(1)] = got;
        } else if (want !== got) {
          ok = false;
          break;
        }
      }
      if (ok) return { route, params };
    }
    return null;
  }

  async dispatch(request: Request, url: URL, auth: AuthInfo | null, ctx: SimContext): Promise<Response> {
    const found = this.match(request.method.toUpperCase(), url.pathname);
    if (!found) return empty(404);
    let parsed: Promise<Record<string, unknown>> | null = null;
    const body = (): Promise<Record<string, unknown>> => {
      parsed ??= readJsonBody(request).then((value) => {
        if (value === INVALID) throw new HttpError(400, { error: 'Invalid json' });
        if (!isPlainObject(value)) throw new Error('body is not a JSON object');
        return value;
      });
      return parsed;
    };
    const notes: AuditNote[] = [];
    const audit = (note: AuditNote): void => {
      if (!auth) return;
      if (note.before) recordAudit(ctx.store, note, request, auth.user);
      else notes.push(note);
    };
    try {
      const res = await found.route.handler({ request, url, params: found.params, auth, json: body, audit }, ctx);
      if (auth && res.status >= 200 && res.status < 300) for (const note of notes) recordAudit(ctx.store, note, request, auth.user);
      return res;
    } catch (err) {
      if (err instanceof HttpError) return err.toResponse();
      return internalError();
    }
  }
}

async function readJsonBody(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The body could not be read (the client went away): answer as for an empty one.
    text = '';
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

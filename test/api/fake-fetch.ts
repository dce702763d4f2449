/**
 * A scripted `fetch` for the api/ tests: each call is recorded and answered by the
 * first matching route. No simulator involved.
 */
export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
  signal: AbortSignal | null;
}

export type Route = (call: RecordedCall) => Response | Promise<Response> | undefined;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
  /** Routes are tried in order; the first that answers wins. */
  route(method: string, path: string | RegExp, answer: (call: RecordedCall) => Response | Promise<Response>): void;
  callsTo(method: string, path: string): RecordedCall[];
}

export function createFakeFetch(): FakeFetch {
  const calls: RecordedCall[] = [];
  const routes: Route[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://master.test');
    const body = init?.body;
    const call: RecordedCall = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      headers: new Headers(init?.headers),
      body: typeof body === 'string' ? body : null,
      signal: init?.signal ?? null,
    };
    calls.push(call);
    if (call.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    for (const route of routes) {
      const answer = await route(call);
      if (answer) return answer;
    }
    return new Response('', { status: 404, headers: { 'Content-Type': 'application/json' } });
  };
  return {
    fetch: fakeFetch,
    calls,
    route(method, path, answer) {
      routes.push((call) => {
        if (call.method !== method) return undefined;
        const matches = typeof path === 'string' ? call.url.pathname === path : path.test(call.url.pathname);
        return matches ? answer(call) : undefined;
      });
    },
    callsTo(method, path) {
      return calls.filter((c) => c.method === method && c.url.pathname === path);
    },
  };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A streaming body fed by the test: push chunks, then end, fail, or leave it open. */
export interface ControlledBody {
  response: Response;
  push(chunk: string | Uint8Array): void;
  end(): void;
  fail(error?: Error): void;
  /** True once the reader cancelled it (client went away). */
  cancelled(): boolean;
}

export function controlledStream(): ControlledBody {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let wasCancelled = false;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      wasCancelled = true;
    },
  });
  const ctl = (): ReadableStreamDefaultController<Uint8Array> => {
    if (!controller) throw new Error('stream not started');
    return controller;
  };
  return {
    response: new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } }),
    push(chunk) {
      if (wasCancelled) return;
      ctl().enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
    end() {
      if (!wasCancelled) ctl().close();
    },
    fail(error = new TypeError('network error')) {
      if (!wasCancelled) ctl().error(error);
    },
    cancelled: () => wasCancelled,
  };
}

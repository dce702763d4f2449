/**
 * The page's end of the shared simulated master (browser-host.ts): `handle(Request)`
 * like the master itself, so the MSW handlers cannot tell it from one in the page. A
 * response's body is a stream fed chunk by chunk; cancelling it (the app's reader let
 * go) tells the host to end it.
 */
import { createListeners } from '../lib/listeners';
import type { HostMessage, PageMessage, PortLike } from './browser-protocol';

export interface RemoteMaster {
  handle(request: Request): Promise<Response>;
  /** Settles when the host's master has started (from the saved world or the scenario). */
  readonly ready: Promise<void>;
  /** A one-time admin code for this page to sign itself in with. */
  mintCode(): Promise<string>;
  /** The scenario from its start, for every tab; each is told through onWorldReset. */
  reset(): Promise<void>;
  onWorldReset(fn: () => void): () => void;
  /** The page is going: its open responses end at the host. */
  bye(): void;
}

interface Pending {
  head: { resolve: (res: Response) => void; reject: (error: Error) => void } | null;
  controller: ReadableStreamDefaultController<Uint8Array> | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * A host that has not begun to answer by then is gone (its worker crashed or was ended):
 * the request fails as a lost connection does, and the app says the master is unreachable
 * instead of waiting for ever.
 */
const HEAD_TIMEOUT_MS = 30_000;
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export function createRemoteMaster(port: PortLike, options: { headTimeoutMs?: number } = {}): RemoteMaster {
  const headTimeoutMs = options.headTimeoutMs ?? HEAD_TIMEOUT_MS;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const replies = new Map<number, (message: HostMessage) => void>();
  const resetListeners = createListeners();
  let settleReady: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = { resolve, reject };
  });

  const send = (message: PageMessage, transfer: Transferable[] = []): void => port.postMessage(message, transfer);

  const onHead = (entry: Pending, id: number, message: Extract<HostMessage, { kind: 'head' }>): void => {
    const head = entry.head;
    entry.head = null;
    if (!head) return;
    if (NULL_BODY_STATUS.has(message.status)) {
      head.resolve(new Response(null, { status: message.status, statusText: message.statusText, headers: message.headers }));
      return;
    }
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        entry.controller = controller;
      },
      cancel() {
        if (pending.delete(id)) send({ kind: 'cancel', id });
      },
    });
    head.resolve(new Response(body, { status: message.status, statusText: message.statusText, headers: message.headers }));
  };

  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as HostMessage;
    switch (message.kind) {
      case 'ready':
        settleReady?.resolve();
        return;
      case 'failed':
        settleReady?.reject(new Error(message.message));
        return;
      case 'world-reset':
        resetListeners.notify();
        return;
      case 'code':
      case 'reset-done':
        replies.get(message.id)?.(message);
        replies.delete(message.id);
        return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.kind === 'head') onHead(entry, message.id, message);
    else if (message.kind === 'chunk') entry.controller?.enqueue(new Uint8Array(message.bytes));
    else if (message.kind === 'end') {
      pending.delete(message.id);
      entry.controller?.close();
    } else {
      pending.delete(message.id);
      // As fetch reports a connection that broke: a TypeError.
      const error = new TypeError(`The simulated master failed: ${message.message}`);
      if (entry.head) entry.head.reject(error);
      else entry.controller?.error(error);
    }
  });
  port.start?.();

  const ask = (message: Extract<PageMessage, { kind: 'mint-code' | 'reset' }>): Promise<HostMessage> =>
    new Promise((resolve) => {
      replies.set(message.id, resolve);
      send(message);
    });

  return {
    ready,
    async handle(request) {
      const id = nextId++;
      const method = request.method.toUpperCase();
      const bytes = SAFE_METHODS.has(method) ? null : await request.arrayBuffer();
      const body = bytes !== null && bytes.byteLength > 0 ? bytes : null;
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => {
          const entry = pending.get(id);
          if (!entry?.head) return;
          pending.delete(id);
          send({ kind: 'cancel', id });
          entry.head.reject(
            new TypeError(`The simulated master did not answer ${method} ${new URL(request.url).pathname} in ${headTimeoutMs / 1000} s`),
          );
        }, headTimeoutMs);
        const settle = {
          resolve: (res: Response) => {
            clearTimeout(timer);
            resolve(res);
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        pending.set(id, { head: settle, controller: null });
        send({ kind: 'request', id, method, url: request.url, headers: [...request.headers], body }, body ? [body] : []);
        request.signal.addEventListener(
          'abort',
          () => {
            const entry = pending.get(id);
            if (!entry) return;
            pending.delete(id);
            send({ kind: 'cancel', id });
            const reason = new DOMException('The request was aborted', 'AbortError');
            if (entry.head) entry.head.reject(reason);
            else entry.controller?.error(reason);
          },
          { once: true },
        );
      });
    },
    async mintCode() {
      const reply = await ask({ kind: 'mint-code', id: nextId++ });
      if (reply.kind !== 'code') throw new Error('The simulated master did not give a code');
      return reply.code;
    },
    async reset() {
      await ask({ kind: 'reset', id: nextId++ });
    },
    onWorldReset: resetListeners.subscribe,
    bye() {
      send({ kind: 'bye' });
      pending.clear();
    },
  };
}

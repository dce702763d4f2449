/**
 * The master's streaming protocol (docs/kontena-api.md §4.11): one compact JSON object per
 * chunk, no separators, a " " keep-alive chunk and a 0.5 s sleep whenever a pass finds
 * nothing; the response never ends on its own.
 *
 * The body is a pull stream with a one-chunk queue: a pass runs only when the reader
 * has taken what came before, so a slow client never makes the simulator buffer a
 * backlog, and a stream nobody reads costs one pending timer at most. Every way a
 * stream can end (abort signal, reader cancel, life bound, registry close) goes through
 * one `finish` that clears its timers, so a dropped client leaves nothing behind
 * (docs/architecture.md "The simulated master").
 */
import type { Clock, TimerId } from './clock';

export interface StreamRegistry {
  /** Streams currently open. */
  count(): number;
  /** Ends every open stream (master restart, dispose). */
  closeAll(): void;
  /** Records an open stream; `close` ends it. Returns the function that forgets it again. */
  register(close: () => void): () => void;
}

export function createStreamRegistry(): StreamRegistry {
  const open = new Set<() => void>();
  return {
    count: () => open.size,
    closeAll() {
      // Each close unregisters itself, so walk a copy.
      for (const close of [...open]) close();
      open.clear();
    },
    register(close) {
      // A wrapper per registration, so the same function registered twice counts twice.
      const entry = (): void => close();
      open.add(entry);
      return () => {
        open.delete(entry);
      };
    },
  };
}

export interface JsonStreamOptions {
  clock: Clock;
  registry: StreamRegistry;
  /** Called on every pass; returns the objects to write now, each becomes its own chunk. */
  poll: () => readonly unknown[];
  /** Aborting ends the stream and frees its timers (HTTP door: the socket closed). */
  signal?: AbortSignal;
  /** End the stream after this long (browser door bound, or the dropped-streams fault). */
  maxLifeMs?: number | null;
  /** Pause between passes that found nothing. Default 500 ms. */
  idleMs?: number;
}

const KEEP_ALIVE_MS = 500;
/** Pause before the next pass after one that found something: prompt, yet never a tight loop. */
const NEXT_PASS_MS = 0;

const encoder = new TextEncoder();
const KEEP_ALIVE_CHUNK = encoder.encode(' ');

function encodeObject(item: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(item) ?? 'null');
}

/** A 200 application/json Response whose body is the endless concatenated-JSON stream. */
export function createJsonStreamResponse(options: JsonStreamOptions): Response {
  const body = createJsonStream(options);
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** The body of createJsonStreamResponse on its own. */
function createJsonStream(options: JsonStreamOptions): ReadableStream<Uint8Array> {
  const { clock, registry, poll, signal } = options;
  const idleMs = Math.max(0, options.idleMs ?? KEEP_ALIVE_MS);
  const maxLifeMs = options.maxLifeMs ?? null;

  let finished = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let pending: readonly unknown[] = [];
  let pendingIndex = 0;
  /** Wait before the next pass: null for the very first pass, which runs at once. */
  let nextPassDelay: number | null = null;
  let waitTimer: TimerId | null = null;
  let wake: (() => void) | null = null;
  let lifeTimer: TimerId | null = null;
  let unregister: (() => void) | null = null;

  const onAbort = (): void => finish(true);

  function finish(closeBody: boolean): void {
    if (finished) return;
    finished = true;
    if (waitTimer !== null) clock.clearTimeout(waitTimer);
    if (lifeTimer !== null) clock.clearTimeout(lifeTimer);
    waitTimer = null;
    lifeTimer = null;
    signal?.removeEventListener('abort', onAbort);
    unregister?.();
    unregister = null;
    pending = [];
    // Let a pull that is waiting return, so the stream machinery is not left hanging.
    const resolve = wake;
    wake = null;
    resolve?.();
    if (closeBody && controller !== null) {
      try {
        controller.close();
      } catch {
        // Already closed or errored by the consumer side: nothing left to end.
      }
    }
    controller = null;
  }

  function wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      wake = resolve;
      waitTimer = clock.setTimeout(() => {
        waitTimer = null;
        wake = null;
        resolve();
      }, ms);
    });
  }

  async function pull(ctrl: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    if (finished) return;
    if (pendingIndex < pending.length) {
      ctrl.enqueue(encodeObject(pending[pendingIndex]));
      pendingIndex += 1;
      return;
    }
    if (nextPassDelay !== null) {
      await wait(nextPassDelay);
      if (finished) return;
    }
    let items: readonly unknown[];
    try {
      items = poll();
    } catch (err) {
      finish(false);
      ctrl.error(err);
      return;
    }
    if (items.length === 0) {
      nextPassDelay = idleMs;
      ctrl.enqueue(KEEP_ALIVE_CHUNK);
      return;
    }
    nextPassDelay = NEXT_PASS_MS;
    pending = items;
    pendingIndex = 1;
    ctrl.enqueue(encodeObject(items[0]));
  }

  return new ReadableStream<Uint8Array>(
    {
      start(ctrl) {
        controller = ctrl;
        if (signal?.aborted) {
          finished = true;
          controller = null;
          ctrl.close();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        unregister = registry.register(() => finish(true));
        if (maxLifeMs !== null) {
          lifeTimer = clock.setTimeout(
            () => {
              lifeTimer = null;
              finish(true);
            },
            Math.max(0, maxLifeMs),
          );
        }
      },
      pull,
      cancel() {
        finish(false);
      },
    },
    // One chunk ahead at most: the next pass waits for the reader (backpressure).
    { highWaterMark: 1 },
  );
}

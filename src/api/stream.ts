/**
 * Readers for the master's log and event streams (kontena-api.md §4.11): compact JSON
 * objects written back to back with no separator, and a " " keep-alive while idle. The
 * response never ends on its own; when it drops, it is resumed from the last cursor.
 */
import { ApiError, isApiError, isTransientApiError } from './errors';
import type { FollowOptions, StreamHandlers } from './stream-handlers';

/** Characters a single unfinished value may reach before the stream is called broken. */
export const DEFAULT_MAX_PENDING_CHARS = 8 * 1024 * 1024;

export interface ConcatJsonSplitter {
  /** Feeds decoded text; returns every value completed by it, in order. Throws SyntaxError on a broken stream. */
  push(text: string): unknown[];
  /** The unfinished tail (a value cut by a chunk boundary), "" between values. */
  pending(): string;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Inside a string only `"` and `\\` matter: skip straight to the next one (sticky, from lastIndex). */
const STRING_RUN = /[^"\\]*/y;
/** Outside strings only quotes and brackets matter. */
const STRUCTURE_GAP = /[^"{}[\]]*/y;

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The index of the first character at or after `from` that `run` does not cover. */
function skip(run: RegExp, text: string, from: number): number {
  run.lastIndex = from;
  run.test(text);
  return run.lastIndex;
}

/**
 * An incremental splitter: counts `{`/`}` (and `[`/`]`) depth outside strings, honours
 * `\"` and `\\` inside strings, skips whitespace between values, and keeps only the
 * unfinished tail, so it works whatever the chunk boundaries are. Each character is
 * looked at once: a chunk is scanned on its own, and the pieces of a value cut by chunk
 * boundaries are joined only when the value is complete (a long value spread over many
 * chunks is never re-copied per chunk).
 */
export function createConcatJsonSplitter(options?: { maxPendingChars?: number }): ConcatJsonSplitter {
  const maxPending = options?.maxPendingChars ?? DEFAULT_MAX_PENDING_CHARS;
  /** The unfinished value's text from earlier chunks; empty between values. */
  let pieces: string[] = [];
  let piecesLength = 0;
  let inValue = false;
  let depth = 0;
  let inString = false;
  let escaped = false;

  return {
    push(text: string): unknown[] {
      const out: unknown[] = [];
      const end = text.length;
      /** Where the current value starts in `text` (0 when it began in an earlier chunk). */
      let start = 0;
      let i = 0;
      while (i < end) {
        if (!inValue) {
          const code = text.charCodeAt(i);
          if (isJsonWhitespace(code)) {
            i++;
            continue;
          }
          if (code !== OPEN_BRACE && code !== OPEN_BRACKET) {
            throw new SyntaxError(`The stream holds something that is not a JSON object (at ${JSON.stringify(text.slice(i, i + 20))}).`);
          }
          inValue = true;
          start = i;
          depth = 1;
          i++;
          continue;
        }
        if (inString) {
          if (escaped) {
            escaped = false;
            i++;
            continue;
          }
          i = skip(STRING_RUN, text, i);
          if (i >= end) break;
          if (text.charCodeAt(i) === BACKSLASH) escaped = true;
          else inString = false;
          i++;
          continue;
        }
        i = skip(STRUCTURE_GAP, text, i);
        if (i >= end) break;
        const code = text.charCodeAt(i);
        i++;
        if (code === QUOTE) inString = true;
        else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
        else if (--depth === 0) {
          const tail = text.slice(start, i);
          let value = tail;
          if (pieces.length > 0) {
            pieces.push(tail);
            value = pieces.join('');
            pieces = [];
            piecesLength = 0;
          }
          inValue = false;
          out.push(JSON.parse(value));
        }
      }
      // Keep only the unfinished value; whitespace between values is dropped.
      if (inValue && start < end) {
        pieces.push(text.slice(start));
        piecesLength += end - start;
      }
      if (piecesLength > maxPending) {
        throw new SyntaxError(`A single value in the stream is longer than ${maxPending} characters.`);
      }
      return out;
    },
    pending(): string {
      return pieces.join('');
    },
  };
}

/** Bytes in, values out: a streaming UTF-8 decoder (characters split across chunks stay whole) in front of the splitter. */
export interface ByteStreamSplitter {
  push(bytes: Uint8Array): unknown[];
  /** Flushes the decoder at the end of the body; returns any value that completes. */
  end(): unknown[];
  pending(): string;
}

export function createByteStreamSplitter(options?: { maxPendingChars?: number }): ByteStreamSplitter {
  const decoder = new TextDecoder('utf-8');
  const splitter = createConcatJsonSplitter(options);
  return {
    push: (bytes) => splitter.push(decoder.decode(bytes, { stream: true })),
    end: () => splitter.push(decoder.decode()),
    pending: () => splitter.pending(),
  };
}

export type Cursor = string;
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface BackoffOptions {
  /** First wait before reconnecting, ms. Default 500. */
  initial?: number;
  /** Longest wait, ms. Default 10 000. */
  max?: number;
}

export interface FollowJsonStreamOptions<T> extends FollowOptions, StreamHandlers<T> {
  /** Opens the stream; `cursor` is null the first time and after a drop that delivered nothing. */
  open(cursor: Cursor | null, signal: AbortSignal): Promise<Response>;
  /** Checks one raw value (throw to skip it). */
  parse(item: unknown): T;
  /** The resume position an item stands for (log id, event created_at). */
  cursorOf(item: T): Cursor;
  /**
   * For streams whose cursor is not unique (events resume by time): identifies an item,
   * so the items at the last cursor that a resumed stream repeats are dropped.
   */
  identityOf?(item: T): string;
}

/** Items remembered at the last cursor for the dedupe after a time-based resume. */
const MAX_IDENTITIES_AT_CURSOR = 1000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function asApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  if (e instanceof SyntaxError) {
    return new ApiError({ kind: 'badResponse', message: `The stream from the master is not valid concatenated JSON: ${e.message}`, cause: e });
  }
  const reason = e instanceof Error && e.message ? ` (${e.message})` : '';
  return new ApiError({ kind: 'network', message: `The stream from the master was cut${reason}.`, cause: e });
}

/**
 * Follows a stream until `signal` aborts or a non-retryable error (auth, not found,
 * forbidden, validation) stops it. A dropped or ended stream is reopened from the
 * last delivered cursor after a backoff (initial, doubling, up to max; back to initial
 * once data flows), with no duplicate and no gap. Resolves when stopped.
 */
export async function followJsonStream<T>(options: FollowJsonStreamOptions<T>): Promise<void> {
  const { signal, identityOf } = options;
  const initialDelay = options.backoffMs?.initial ?? 500;
  const maxDelay = options.backoffMs?.max ?? 10_000;
  const report = (state: StreamState, error?: ApiError): void => options.onState?.(state, error);

  let cursor: Cursor | null = null;
  /** Identities of the delivered items that carry `cursor` (bounded). */
  let atCursor: string[] = [];
  let delay = initialDelay;

  report('connecting');
  while (!signal.aborted) {
    // Items at the resume cursor that this connection may send again.
    let replay: Map<string, number> | null = null;
    if (identityOf && cursor !== null && atCursor.length > 0) {
      replay = new Map();
      for (const id of atCursor) replay.set(id, (replay.get(id) ?? 0) + 1);
    }

    const accept = (values: unknown[]): T[] => {
      const fresh: T[] = [];
      for (const value of values) {
        let item: T;
        try {
          item = options.parse(value);
        } catch (e) {
          if (import.meta.env?.DEV) console.warn('[api] skipped a stream item that does not match its schema', e);
          continue;
        }
        const itemCursor = options.cursorOf(item);
        if (identityOf) {
          const id = identityOf(item);
          if (replay && itemCursor === cursor) {
            const left = replay.get(id) ?? 0;
            if (left > 0) {
              replay.set(id, left - 1);
              continue;
            }
          } else {
            replay = null;
          }
          if (itemCursor !== cursor) atCursor = [];
          atCursor.push(id);
          if (atCursor.length > MAX_IDENTITIES_AT_CURSOR) atCursor.shift();
        } else if (itemCursor === cursor) {
          continue;
        }
        cursor = itemCursor;
        fresh.push(item);
      }
      return fresh;
    };

    const connection = new AbortController();
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    const onAbort = (): void => {
      connection.abort();
      // A mocked or proxied body may not notice the fetch abort; cancel the read too.
      reader?.cancel().catch(() => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    let openedAt: number | null = null;
    let failure: ApiError | undefined;
    try {
      const opened = await options.open(cursor, connection.signal);
      if (signal.aborted) {
        // Aborting the fetch may not reach a mocked or proxied body: let it go explicitly.
        opened.body?.cancel().catch(() => undefined);
        break;
      }
      const response = options.wrapResponse ? options.wrapResponse(opened) : opened;
      openedAt = Date.now();
      report('live');
      reader = response.body?.getReader() ?? null;
      if (reader) {
        const splitter = createByteStreamSplitter();
        for (;;) {
          const { done, value } = await reader.read();
          const items = accept(done ? splitter.end() : splitter.push(value));
          if (items.length > 0) {
            delay = initialDelay;
            deliver(options, items);
          }
          if (done || signal.aborted) break;
        }
      }
    } catch (e) {
      if (signal.aborted) break;
      failure = asApiError(e);
      if (!isTransientApiError(failure)) {
        signal.removeEventListener('abort', onAbort);
        report('stopped', failure);
        return;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      reader?.cancel().catch(() => undefined);
      connection.abort();
    }
    if (signal.aborted) break;
    // A connection that stayed up a long while was healthy: come back quickly.
    if (openedAt !== null && Date.now() - openedAt >= maxDelay) delay = initialDelay;
    report('reconnecting', failure);
    await sleep(delay, signal);
    delay = Math.min(delay * 2, maxDelay);
  }
  report('stopped');
}

function deliver<T>(options: FollowJsonStreamOptions<T>, items: T[]): void {
  try {
    options.onItems(items);
  } catch (e) {
    // A consumer's bug must not look like a broken stream and trigger reconnects.
    console.error('[api] a stream consumer threw', e);
  }
}

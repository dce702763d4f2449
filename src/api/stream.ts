/**
 * Readers for the master's log and event streams (docs/kontena-api.md §4.11): compact JSON
 * objects written back to back with no separator, and a " " keep-alive while idle. The
 * response never ends on its own; when it drops, ends, or goes silent, it is resumed
 * from the last cursor.
 */
import { ApiError, isApiError, isTransientApiError } from './errors';
import type { FollowOptions, StreamHandlers } from './stream-handlers';
import { DEFAULT_SILENCE_MS, realStreamClock, watchSilence } from './stream-watchdog';
import type { StreamClock } from './stream-watchdog';

/** Characters a single unfinished value may reach before the stream is called broken. */
const DEFAULT_MAX_PENDING_CHARS = 8 * 1024 * 1024;

interface ConcatJsonSplitter {
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
interface ByteStreamSplitter {
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

type Cursor = string;

/**
 * What a stream tells its view. `connecting`: the first connection, no byte yet.
 * `live`: bytes are flowing (objects or keep-alives). `reconnecting`: the connection
 * dropped, ended or went silent, and bytes do not flow again yet (waiting to retry, or
 * retrying). `stopped`: aborted, or an error that retrying cannot fix.
 */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface BackoffOptions {
  /** First wait before reconnecting, ms. Default 500. */
  initial?: number;
  /** Longest wait, ms. Default 10 000. */
  max?: number;
}

interface StreamDefaults {
  clock: StreamClock;
  /** See FollowOptions.silenceMs. */
  silenceMs: number;
}

let defaults: StreamDefaults = { clock: realStreamClock, silenceMs: DEFAULT_SILENCE_MS };

/**
 * The clock and the watchdog's silence of every stream that does not name its own: a
 * test of a page drives its streams' time this way. Fields left out go back to the
 * defaults (the page's clock, 5 s).
 */
export function configureStreams(options: Partial<StreamDefaults> = {}): void {
  defaults = { clock: options.clock ?? realStreamClock, silenceMs: options.silenceMs ?? DEFAULT_SILENCE_MS };
}

/**
 * A stream that ends cleanly after being live this long is a planned end, not a fault:
 * the browser door ends each stream after 30 s (src/simulator/browser.ts), and a proxy
 * may bound a response's life too. It is resumed at once.
 */
export const PLANNED_END_MIN_LIFE_MS = 10_000;
/**
 * After a planned end the view stays "live" this long, waiting for the resumed stream's
 * first bytes (they come within milliseconds): a bound that ends every 30 s must not
 * flash "reconnecting". Past it, the view says "reconnecting" like after any drop.
 */
export const RESUME_GRACE_MS = 2_000;

interface FollowJsonStreamOptions<T> extends FollowOptions, StreamHandlers<T> {
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

function sleep(ms: number, signal: AbortSignal, clock: StreamClock): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clock.clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function asApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  if (e instanceof SyntaxError) {
    return new ApiError({
      kind: 'badResponse',
      message: `The stream from the master is not valid concatenated JSON: ${e.message}`,
      cause: e,
    });
  }
  const reason = e instanceof Error && e.message ? ` (${e.message})` : '';
  return new ApiError({ kind: 'network', message: `The stream from the master was cut${reason}.`, cause: e });
}

function silenceError(silenceMs: number): ApiError {
  const seconds = Math.round(silenceMs / 100) / 10;
  return new ApiError({ kind: 'network', message: `The stream from the master went silent (nothing for ${seconds} s).` });
}

/**
 * Follows a stream until `signal` aborts or a non-retryable error (auth, not found,
 * forbidden, validation) stops it. A dropped, ended or silent stream (no byte, not even
 * a keep-alive, for `silenceMs`: stream-watchdog.ts) is reopened from the last delivered
 * cursor after a backoff (initial, doubling, up to max; back to initial once data
 * flows), with no duplicate and no gap; a planned end (see PLANNED_END_MIN_LIFE_MS) is
 * reopened at once. Resolves when stopped.
 */
export async function followJsonStream<T>(options: FollowJsonStreamOptions<T>): Promise<void> {
  const { signal, identityOf } = options;
  const clock = options.clock ?? defaults.clock;
  const silenceMs = options.silenceMs ?? defaults.silenceMs;
  const initialDelay = options.backoffMs?.initial ?? 500;
  const maxDelay = options.backoffMs?.max ?? 10_000;
  /** What the view was last told (an object: it changes in callbacks too). */
  const told: { state: StreamState } = { state: 'connecting' };
  const report = (next: StreamState, error?: ApiError): void => {
    told.state = next;
    options.onState?.(next, error);
  };

  let cursor: Cursor | null = null;
  /** Identities of the delivered items that carry `cursor` (bounded). */
  let atCursor: string[] = [];
  let delay = initialDelay;
  /** After a planned end: when it fires before bytes flow again, the view hears "reconnecting". */
  let grace: number | null = null;
  const endGrace = (): void => {
    if (grace !== null) clock.clearTimeout(grace);
    grace = null;
  };

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
    const drop = (): void => {
      connection.abort();
      // A mocked or proxied body may not notice the fetch abort; cancel the read too.
      reader?.cancel().catch(() => undefined);
    };
    signal.addEventListener('abort', drop, { once: true });
    // From the request on: a master that never answers is as dead as one that stops writing.
    const watchdog = watchSilence({ clock, silenceMs, onSilence: drop });
    let openedAt: number | null = null;
    /** Whether bytes came on this connection. */
    let flowed = false;
    let failure: ApiError | undefined;
    try {
      const opened = await options.open(cursor, connection.signal);
      if (signal.aborted) {
        // Aborting the fetch may not reach a mocked or proxied body: let it go explicitly.
        opened.body?.cancel().catch(() => undefined);
        break;
      }
      if (watchdog.fired()) {
        opened.body?.cancel().catch(() => undefined);
      } else {
        // The answer's head is a sign of life too; "live" waits for the body's first byte.
        watchdog.touch();
        const response = options.wrapResponse ? options.wrapResponse(opened) : opened;
        openedAt = clock.now();
        reader = response.body?.getReader() ?? null;
        if (reader) {
          const splitter = createByteStreamSplitter();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) {
              const items = accept(splitter.end());
              if (items.length > 0) {
                delay = initialDelay;
                deliver(options, items);
              }
              break;
            }
            if (value.byteLength > 0) {
              // Any byte is a sign of life, a keep-alive space as much as an object.
              watchdog.touch();
              if (!flowed) {
                flowed = true;
                endGrace();
                if (told.state !== 'live') report('live');
              }
            }
            const items = accept(splitter.push(value));
            if (items.length > 0) {
              delay = initialDelay;
              deliver(options, items);
            }
            if (signal.aborted) break;
          }
        }
      }
    } catch (e) {
      if (signal.aborted) break;
      failure = asApiError(e);
      if (!watchdog.fired() && !isTransientApiError(failure)) {
        watchdog.stop();
        signal.removeEventListener('abort', drop);
        endGrace();
        report('stopped', failure);
        return;
      }
    } finally {
      watchdog.stop();
      signal.removeEventListener('abort', drop);
      reader?.cancel().catch(() => undefined);
      connection.abort();
    }
    if (signal.aborted) break;
    if (watchdog.fired()) failure = silenceError(silenceMs);
    const lived = openedAt === null ? 0 : clock.now() - openedAt;
    if (failure === undefined && flowed && lived >= PLANNED_END_MIN_LIFE_MS) {
      // A planned end: back at once, and still "live" unless the new stream keeps us waiting.
      delay = initialDelay;
      if (told.state === 'live' && grace === null) {
        grace = clock.setTimeout(() => {
          grace = null;
          if (!signal.aborted) report('reconnecting');
        }, RESUME_GRACE_MS);
      }
      continue;
    }
    // A connection that stayed up a long while was healthy: come back quickly.
    if (lived >= maxDelay) delay = initialDelay;
    endGrace();
    report('reconnecting', failure);
    await sleep(delay, signal, clock);
    delay = Math.min(delay * 2, maxDelay);
  }
  endGrace();
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

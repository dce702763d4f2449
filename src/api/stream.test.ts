import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureClient } from './client';
import { followEventLogs } from './events';
import { pacedResponse } from '../lib/paced-body';
import { followLogs, getLogs } from './logs';
import type { EventLog } from './schemas/event';
import type { Log } from './schemas/log';
import { configureSessionStorage, setSession } from './session';
import { createByteStreamSplitter, createConcatJsonSplitter, followJsonStream } from './stream';
import type { StreamState } from './stream';
import { controlledStream, createFakeFetch, json } from '../../test/api/fake-fetch';
import type { ControlledBody, FakeFetch } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, eventJson, logJson } from '../../test/api/fixtures';
import { MemoryStorage } from '../../test/api/memory-storage';

const REF = { grid: 'terminal-a', stack: 'null', name: 'redis' };
const LOGS_PATH = '/v1/services/terminal-a/null/redis/container_logs';
const EVENTS_PATH = '/v1/services/terminal-a/null/redis/event_logs';
const STACK_LOGS_PATH = '/v1/stacks/terminal-a/shop/container_logs';
const GRID_LOGS_PATH = '/v1/grids/terminal-a/container_logs';

/** Log lines that try every trap: braces in strings, escaped quotes and backslashes, multi-byte UTF-8. */
const TRICKY_LOGS = [
  logJson(1, 'plain line'),
  logJson(2, 'json in a log: {"level":"info","msg":"a } b { c"}'),
  logJson(3, 'quote \\" and brace } after an escaped quote: "}{"'),
  logJson(4, 'backslashes \\\\ at the end \\'),
  logJson(5, 'naïve ✓ 日本語 🚀 — ünïcödé'),
  logJson(6, 'tab\tnewline\nunicode escape \u2603 and }}}{{{'),
  logJson(7, '', { node: undefined, service: undefined }),
].map((log) => JSON.parse(JSON.stringify(log)) as Record<string, unknown>);

/** The wire form: compact objects back to back, keep-alive spaces between some. */
function wire(objects: Record<string, unknown>[]): Uint8Array {
  const text = objects.map((o, i) => JSON.stringify(o) + (i % 2 === 0 ? ' ' : i === 3 ? '   ' : '')).join('');
  return new TextEncoder().encode(` ${text} `);
}

function splitAll(chunks: Uint8Array[]): unknown[] {
  const splitter = createByteStreamSplitter();
  const out: unknown[] = [];
  for (const chunk of chunks) out.push(...splitter.push(chunk));
  out.push(...splitter.end());
  expect(splitter.pending()).toBe('');
  return out;
}

describe('concatenated JSON splitter', () => {
  const bytes = wire(TRICKY_LOGS);

  it('has multi-byte characters in the test stream', () => {
    expect(bytes.length).toBeGreaterThan(new TextDecoder().decode(bytes).length);
  });

  it('yields exactly the objects at every possible split point', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(splitAll([bytes.slice(0, cut), bytes.slice(cut)]), `cut at byte ${cut}`).toEqual(TRICKY_LOGS);
    }
  });

  it('yields exactly the objects when fed one byte at a time, and at every pair of cuts around each object', () => {
    expect(splitAll(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(TRICKY_LOGS);
    for (let a = 0; a < bytes.length; a += 29) {
      for (let b = a; b <= bytes.length; b += 31) {
        expect(splitAll([bytes.slice(0, a), bytes.slice(a, b), bytes.slice(b)])).toEqual(TRICKY_LOGS);
      }
    }
  });

  it('holds only the partial tail between pushes', () => {
    const splitter = createConcatJsonSplitter();
    expect(splitter.push('{"a":1}   {"b":"x}')).toEqual([{ a: 1 }]);
    expect(splitter.pending()).toBe('{"b":"x}');
    expect(splitter.push('"}  ')).toEqual([{ b: 'x}' }]);
    expect(splitter.pending()).toBe('');
  });

  it('joins a value cut into many chunks only once it is complete, and keeps its text pending meanwhile', () => {
    const value = { data: 'x'.repeat(5000), nested: [{ a: '}' }] };
    const text = JSON.stringify(value);
    const splitter = createConcatJsonSplitter();
    for (let i = 0; i < text.length - 7; i += 7) {
      expect(splitter.push(text.slice(i, i + 7))).toEqual([]);
      expect(splitter.pending()).toBe(text.slice(0, i + 7));
    }
    expect(splitter.push(`${text.slice(text.length - (text.length % 7 || 7))} {"b":`)).toEqual([value]);
    expect(splitter.pending()).toBe('{"b":');
  });

  it('counts the whole unfinished value against the limit, not one chunk', () => {
    const splitter = createConcatJsonSplitter({ maxPendingChars: 10 });
    expect(splitter.push('{"a":"0')).toEqual([]);
    expect(() => splitter.push('12345')).toThrow(/longer than 10/);
  });

  it('refuses a stream that is not JSON objects', () => {
    expect(() => createConcatJsonSplitter().push('<html>')).toThrow(SyntaxError);
    expect(() => createConcatJsonSplitter().push('{"a":}')).toThrow(SyntaxError);
    expect(() => createConcatJsonSplitter({ maxPendingChars: 10 }).push('{"a":"0123456789')).toThrow(/longer than 10/);
  });
});

interface Connection {
  url: URL;
  body: ControlledBody;
}

let fake: FakeFetch;
let connections: Connection[];
/** What the next connection should do when it opens. */
let script: ((body: ControlledBody, url: URL) => void)[];

function send(body: ControlledBody, objects: Record<string, unknown>[]): void {
  for (const o of objects) body.push(JSON.stringify(o));
}

beforeEach(() => {
  fake = createFakeFetch();
  connections = [];
  script = [];
  configureClient({ fetch: fake.fetch, baseUrl: 'http://master.test' });
  configureSessionStorage({ local: new MemoryStorage(), session: new MemoryStorage() });
  setSession({ accessToken: ACCESS_TOKEN, refreshToken: null, expiresAt: null, user: null, remember: false });
  const stream = (call: { url: URL }): Response => {
    const body = controlledStream();
    connections.push({ url: call.url, body });
    const step = script.shift();
    step?.(body, call.url);
    return body.response;
  };
  fake.route('GET', LOGS_PATH, stream);
  fake.route('GET', EVENTS_PATH, stream);
  fake.route('GET', STACK_LOGS_PATH, stream);
  fake.route('GET', GRID_LOGS_PATH, stream);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets pending promise callbacks (reads, opens) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

describe('followLogs of a service', () => {
  it('reads a realistic stream one byte at a time, with the bearer header and follow=1', async () => {
    const received: Log[] = [];
    const controller = new AbortController();
    script.push((body) => {
      for (const byte of wire(TRICKY_LOGS)) body.push(Uint8Array.of(byte));
    });
    const done = followLogs(
      { kind: 'service', ref: REF },
      { signal: controller.signal, limit: 50 },
      { onItems: (items) => received.push(...items) },
    );
    await vi.waitFor(() => expect(received).toHaveLength(TRICKY_LOGS.length));
    expect(received.map((l) => l.data)).toEqual(TRICKY_LOGS.map((l) => l.data));
    const first = fake.calls[0];
    expect(first?.headers.get('Authorization')).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(first?.url.searchParams.get('follow')).toBe('1');
    expect(first?.url.searchParams.get('limit')).toBe('50');
    controller.abort();
    await done;
  });

  it('resumes a dropped connection with from=<last id>, with no duplicate and no gap', async () => {
    vi.useFakeTimers();
    const all = Array.from({ length: 8 }, (_, i) => logJson(i + 1, `line ${i + 1} { "x": "}" }`));
    const states: StreamState[] = [];
    const received: Log[] = [];
    script.push((body) => {
      send(body, all.slice(0, 3));
      // Half of the 4th object, then the connection dies.
      body.push(JSON.stringify(all[3]).slice(0, 40));
      setTimeout(() => body.fail(new TypeError('network error')), 10);
    });
    script.push((body, url) => {
      const from = url.searchParams.get('from');
      send(
        body,
        all.filter((l) => String(l.id) > String(from)),
      );
    });
    const controller = new AbortController();
    const done = followLogs(
      { kind: 'service', ref: REF },
      { signal: controller.signal },
      {
        onItems: (items) => received.push(...items),
        onState: (s) => states.push(s),
      },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(received).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(500);
    expect(received.map((l) => l.data)).toEqual(all.map((l) => l.data));
    expect(connections).toHaveLength(2);
    expect(connections[1]?.url.searchParams.get('from')).toBe(all[2]?.id);
    expect(connections[1]?.url.searchParams.get('follow')).toBe('1');
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    controller.abort();
    await done;
    expect(states.at(-1)).toBe('stopped');
  });

  it('stops on abort: the body is cancelled and nothing is fetched again', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const received: Log[] = [];
    script.push((body) => send(body, [logJson(1, 'a')]));
    const done = followLogs({ kind: 'service', ref: REF }, { signal: controller.signal }, { onItems: (items) => received.push(...items) });
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toHaveLength(1);
    controller.abort();
    await done;
    expect(connections[0]?.body.cancelled()).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toHaveLength(1);
  });

  it('stops on abort during the backoff wait', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    script.push((body) => body.end());
    const states: StreamState[] = [];
    const done = followLogs(
      { kind: 'service', ref: REF },
      { signal: controller.signal },
      { onItems: () => undefined, onState: (s) => states.push(s) },
    );
    await vi.advanceTimersByTimeAsync(100);
    // A response that ended before any byte was never live.
    expect(states).toEqual(['connecting', 'reconnecting']);
    controller.abort();
    await done;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toHaveLength(1);
    expect(states.at(-1)).toBe('stopped');
  });

  it('backs off 0.5 s doubling to 10 s, and starts over once data flows', async () => {
    vi.useFakeTimers();
    let failing = true;
    const openTimes: number[] = [];
    const start = Date.now();
    const failingFetch = createFakeFetch();
    failingFetch.route('GET', LOGS_PATH, () => {
      openTimes.push(Date.now() - start);
      if (failing) throw new TypeError('Failed to fetch');
      const body = controlledStream();
      send(body, [logJson(openTimes.length, 'data')]);
      body.end();
      return body.response;
    });
    configureClient({ fetch: failingFetch.fetch });
    const controller = new AbortController();
    const errors: string[] = [];
    const done = followLogs(
      { kind: 'service', ref: REF },
      { signal: controller.signal },
      {
        onItems: () => undefined,
        onState: (s, e) => {
          if (e) errors.push(`${s}:${e.kind}`);
        },
      },
    );
    await vi.advanceTimersByTimeAsync(40_000);
    const gaps = openTimes.slice(1).map((t, i) => t - (openTimes[i] ?? 0));
    expect(gaps.slice(0, 7)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(errors[0]).toBe('reconnecting:network');

    failing = false;
    await vi.advanceTimersByTimeAsync(10_000);
    const opened = openTimes.length;
    // Data came, so the next reconnect waits the initial 0.5 s again.
    await vi.advanceTimersByTimeAsync(499);
    expect(openTimes).toHaveLength(opened);
    await vi.advanceTimersByTimeAsync(1);
    expect(openTimes).toHaveLength(opened + 1);
    controller.abort();
    await done;
  });

  it('stops with the error when the service is gone (404), without retrying', async () => {
    const gone = createFakeFetch();
    gone.route('GET', LOGS_PATH, () => json(404, { error: 'Not found' }));
    configureClient({ fetch: gone.fetch });
    const states: [StreamState, string | undefined][] = [];
    await followLogs(
      { kind: 'service', ref: REF },
      { signal: new AbortController().signal },
      {
        onItems: () => undefined,
        onState: (s, e) => states.push([s, e?.kind]),
      },
    );
    expect(states).toEqual([
      ['connecting', undefined],
      ['stopped', 'notFound'],
    ]);
    expect(gone.calls).toHaveLength(1);
  });
});

describe('followLogs', () => {
  it('follows a stack through a paced body, wrapping every connection, and resumes after the last id', async () => {
    vi.useFakeTimers();
    const all = Array.from({ length: 6 }, (_, i) => logJson(i + 1, `line ${i + 1}`));
    script.push((body) => {
      send(body, all.slice(0, 3));
      setTimeout(() => body.fail(), 10);
    });
    script.push((body, url) =>
      send(
        body,
        all.filter((l) => String(l.id) > String(url.searchParams.get('from'))),
      ),
    );
    let wrapped = 0;
    let pauses = 0;
    const received: Log[] = [];
    const controller = new AbortController();
    const done = followLogs(
      { kind: 'stack', grid: 'terminal-a', stack: 'shop' },
      {
        signal: controller.signal,
        limit: 20,
        instance: 2,
        container: 'shop.web-2',
        wrapResponse: (response) => {
          wrapped++;
          return pacedResponse(response, { sliceMs: 0, yieldTask: async () => void pauses++ });
        },
      },
      { onItems: (items) => received.push(...items) },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(received.map((l) => l.data)).toEqual(all.slice(0, 3).map((l) => l.data));
    await vi.advanceTimersByTimeAsync(1000);
    expect(received.map((l) => l.data)).toEqual(all.map((l) => l.data));
    expect(wrapped).toBe(2);
    expect(pauses).toBeGreaterThanOrEqual(received.length);
    const [first, second] = connections;
    expect(first?.url.pathname).toBe(STACK_LOGS_PATH);
    // `instance` exists on the service endpoint only; `container` on service and stack.
    expect(Object.fromEntries(first?.url.searchParams ?? [])).toEqual({ follow: '1', limit: '20', container: 'shop.web-2' });
    expect(Object.fromEntries(second?.url.searchParams ?? [])).toEqual({ follow: '1', from: String(all[2]?.id), container: 'shop.web-2' });
    controller.abort();
    await done;
    // Cancelling the paced body reached the master's.
    expect(connections[1]?.body.cancelled()).toBe(true);
  });

  it('asks a grid for its logs without the service and stack filters', async () => {
    const once = createFakeFetch();
    once.route('GET', GRID_LOGS_PATH, () => json(200, { logs: [logJson(1, 'a')] }));
    configureClient({ fetch: once.fetch });
    const logs = await getLogs(
      { kind: 'grid', grid: 'terminal-a' },
      { limit: 5, since: '2017-04-06T15:00:00Z', instance: 1, container: 'redis-1' },
    );
    expect(logs.map((l) => l.data)).toEqual(['a']);
    const call = once.callsTo('GET', GRID_LOGS_PATH)[0];
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({ limit: '5', since: '2017-04-06T15:00:00Z' });
  });

  it('lets go of a response that arrives after the abort', async () => {
    const controller = new AbortController();
    script.push(() => controller.abort());
    const states: StreamState[] = [];
    await followLogs(
      { kind: 'grid', grid: 'terminal-a' },
      { signal: controller.signal },
      { onItems: () => undefined, onState: (s) => states.push(s) },
    );
    expect(connections[0]?.body.cancelled()).toBe(true);
    expect(states).toEqual(['connecting', 'stopped']);
  });
});

describe('followEventLogs', () => {
  it('resumes by since = last created_at − 1 ms and drops the repeated events of that millisecond', async () => {
    vi.useFakeTimers();
    const t1 = '2017-04-06T15:42:00.100Z';
    const t2 = '2017-04-06T15:42:01.500Z';
    const t3 = '2017-04-06T15:42:02.000Z';
    const e1 = eventJson(t1, 'service terminal-a/null/redis deploy started');
    const e2 = eventJson(t2, 'create instance', { type: 'service:create_instance', meta: { instance_number: 1 } });
    const e3 = eventJson(t2, 'create instance', { type: 'service:create_instance', meta: { instance_number: 2 } });
    const e4 = eventJson(t2, 'service terminal-a/null/redis deployed');
    const e5 = eventJson(t3, 'scheduler check', { type: 'scheduler', severity: 0 });
    script.push((body) => {
      send(body, [e1, e2, e3]);
      body.push(' ');
      // Erroring a stream discards what is queued: fail once the reader has it all.
      setTimeout(() => body.fail(), 10);
    });
    // The master repeats everything after `since`, i.e. all of t2, then new events.
    script.push((body) => send(body, [e2, e3, e4, e5]));
    const received: EventLog[] = [];
    const controller = new AbortController();
    const done = followEventLogs(REF, { signal: controller.signal, limit: 20 }, { onItems: (items) => received.push(...items) });
    await vi.advanceTimersByTimeAsync(10);
    expect(received).toEqual([e1, e2, e3]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(received).toEqual([e1, e2, e3, e4, e5]);
    expect(connections[0]?.url.searchParams.get('limit')).toBe('20');
    expect(connections[1]?.url.searchParams.get('since')).toBe('2017-04-06T15:42:01.499Z');
    expect(connections[1]?.url.searchParams.get('limit')).toBe('10000');
    controller.abort();
    await done;
  });

  it('keeps a genuinely new event identical to one delivered in the same millisecond', async () => {
    vi.useFakeTimers();
    const t = '2017-04-06T15:42:01.500Z';
    const health = eventJson(t, 'health check failed', { type: 'service:health_check', severity: 2 });
    script.push((body) => {
      send(body, [health]);
      setTimeout(() => body.fail(), 10);
    });
    // Resumed: the one already seen, plus a second identical one that is new.
    script.push((body) => send(body, [health, health]));
    const received: EventLog[] = [];
    const controller = new AbortController();
    const done = followEventLogs(REF, { signal: controller.signal }, { onItems: (items) => received.push(...items) });
    await vi.advanceTimersByTimeAsync(10);
    expect(received).toEqual([health]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(connections).toHaveLength(2);
    expect(connections[1]?.url.searchParams.get('since')).toBe('2017-04-06T15:42:01.499Z');
    expect(received).toEqual([health, health]);
    controller.abort();
    await done;
  });
});

describe('followJsonStream', () => {
  it('skips an item that fails its schema and keeps going', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const body = controlledStream();
    body.push('{"n":1}{"bad":true}{"n":2}');
    const controller = new AbortController();
    const received: number[] = [];
    const done = followJsonStream<{ n: number }>({
      open: async () => body.response,
      parse: (item) => {
        const n = (item as { n?: unknown }).n;
        if (typeof n !== 'number') throw new Error('bad item');
        return { n };
      },
      cursorOf: (item) => String(item.n),
      onItems: (items) => received.push(...items.map((i) => i.n)),
      signal: controller.signal,
    });
    await settle();
    expect(received).toEqual([1, 2]);
    controller.abort();
    await done;
    warn.mockRestore();
  });
});

// The stream reader's watchdog and the states it reports: a connection that stops
// bringing bytes (not even the master's 0.5 s keep-alive) is dropped and resumed, and a
// view hears "live" only while bytes flow.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureClient } from './client';
import { followEventLogs } from './events';
import { followLogs } from './logs';
import type { EventLog } from './schemas/event';
import type { Log } from './schemas/log';
import { configureSessionStorage, setSession } from './session';
import { PLANNED_END_MIN_LIFE_MS, RESUME_GRACE_MS } from './stream';
import type { StreamState } from './stream';
import { DEFAULT_SILENCE_MS, watchSilence } from './stream-watchdog';
import type { StreamClock } from './stream-watchdog';
import { controlledStream, createFakeFetch } from '../../test/api/fake-fetch';
import type { ControlledBody, FakeFetch, RecordedCall } from '../../test/api/fake-fetch';
import { ACCESS_TOKEN, eventJson, logJson } from '../../test/api/fixtures';
import { createManualClock } from '../../test/api/manual-clock';
import { MemoryStorage } from '../../test/api/memory-storage';

const REF = { grid: 'terminal-a', stack: 'null', name: 'redis' };
const SERVICE = { kind: 'service', ref: REF } as const;
const LOGS_PATH = '/v1/services/terminal-a/null/redis/container_logs';
const EVENTS_PATH = '/v1/services/terminal-a/null/redis/event_logs';

interface Connection {
  url: URL;
  body: ControlledBody;
}

let fake: FakeFetch;
let connections: Connection[];
/** What each next connection does when it opens (nothing: it stays open and silent). */
let script: ((body: ControlledBody, url: URL) => void)[];

function send(body: ControlledBody, objects: Record<string, unknown>[]): void {
  for (const o of objects) body.push(JSON.stringify(o));
}

function after(all: Record<string, unknown>[], url: URL): Record<string, unknown>[] {
  const from = url.searchParams.get('from');
  return from === null ? all : all.filter((l) => String(l.id) > from);
}

/** The logs' texts, and states with their error message. */
function recorder() {
  const received: Log[] = [];
  const states: [StreamState, string | undefined][] = [];
  return {
    received,
    states,
    data: () => received.map((l) => l.data),
    names: () => states.map(([s]) => s),
    handlers: {
      onItems: (items: Log[]) => received.push(...items),
      onState: (s: StreamState, e?: { message: string }) => states.push([s, e?.message]),
    },
  };
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
    script.shift()?.(body, call.url);
    return body.response;
  };
  fake.route('GET', LOGS_PATH, stream);
  fake.route('GET', EVENTS_PATH, stream);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets the reads (promise callbacks and the fake body's tasks) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

describe('a stream that goes silent', () => {
  it('is dropped after 5 s without a byte and resumed from the last id: nothing lost, nothing twice', async () => {
    vi.useFakeTimers();
    const all = Array.from({ length: 6 }, (_, i) => logJson(i + 1, `line ${i + 1}`));
    // Three lines, then nothing: the socket stays open (a proxy kept the client's side).
    script.push((body) => send(body, all.slice(0, 3)));
    script.push((body, url) => send(body, after(all, url)));
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);

    await vi.advanceTimersByTimeAsync(DEFAULT_SILENCE_MS - 1);
    expect(r.data()).toEqual(['line 1', 'line 2', 'line 3']);
    expect(r.names()).toEqual(['connecting', 'live']);
    expect(connections[0]?.body.cancelled()).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    expect(connections[0]?.body.cancelled()).toBe(true);
    expect(r.states.at(-1)).toEqual(['reconnecting', 'The stream from the master went silent (nothing for 5 s).']);

    // The usual backoff, then the resume.
    await vi.advanceTimersByTimeAsync(500);
    expect(connections).toHaveLength(2);
    expect(connections[1]?.url.searchParams.get('from')).toBe(all[2]?.id);
    expect(r.data()).toEqual(all.map((l) => l.data));
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    controller.abort();
    await done;
    expect(r.names().at(-1)).toBe('stopped');
  });

  it('is kept alive by keep-alive spaces alone, however long, and dropped 5 s after they stop', async () => {
    vi.useFakeTimers();
    let keepAlive: ReturnType<typeof setInterval> | undefined;
    script.push((body) => {
      send(body, [logJson(1, 'only line')]);
      keepAlive = setInterval(() => body.push(' '), 500);
    });
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(connections).toHaveLength(1);
    expect(r.names()).toEqual(['connecting', 'live']);

    clearInterval(keepAlive);
    await vi.advanceTimersByTimeAsync(DEFAULT_SILENCE_MS - 1);
    expect(connections[0]?.body.cancelled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(connections[0]?.body.cancelled()).toBe(true);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(500);
    expect(connections[1]?.url.searchParams.get('from')).toBe(logJson(1, '').id);
    controller.abort();
    await done;
  });

  it('gives up on a request the master never answers, after the same 5 s, and asks again', async () => {
    vi.useFakeTimers();
    const hanging = createFakeFetch();
    const opened: RecordedCall[] = [];
    hanging.route('GET', LOGS_PATH, (call) => {
      opened.push(call);
      return new Promise<Response>((_, reject) => {
        call.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    });
    configureClient({ fetch: hanging.fetch });
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);
    await vi.advanceTimersByTimeAsync(DEFAULT_SILENCE_MS - 1);
    expect(r.names()).toEqual(['connecting']);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened[0]?.signal?.aborted).toBe(true);
    expect(r.states.at(-1)?.[0]).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(opened).toHaveLength(2);
    controller.abort();
    await done;
  });

  it('resumes a silent event stream by since = last created_at − 1 ms, without repeating that millisecond’s events', async () => {
    vi.useFakeTimers();
    const t1 = '2017-04-06T15:42:00.100Z';
    const t2 = '2017-04-06T15:42:01.500Z';
    const e1 = eventJson(t1, 'deploy started');
    const e2 = eventJson(t2, 'create instance', { type: 'service:create_instance', meta: { instance_number: 1 } });
    const e3 = eventJson(t2, 'deployed');
    const e4 = eventJson('2017-04-06T15:42:09.000Z', 'scheduler check', { type: 'scheduler', severity: 0 });
    script.push((body) => send(body, [e1, e2]));
    // The master repeats what is after `since`: all of t2, then the new one.
    script.push((body) => send(body, [e2, e3, e4]));
    const received: EventLog[] = [];
    const states: StreamState[] = [];
    const controller = new AbortController();
    const done = followEventLogs(
      REF,
      { signal: controller.signal },
      { onItems: (items) => received.push(...items), onState: (s) => states.push(s) },
    );
    await vi.advanceTimersByTimeAsync(DEFAULT_SILENCE_MS);
    expect(received).toEqual([e1, e2]);
    expect(states.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(connections[1]?.url.searchParams.get('since')).toBe('2017-04-06T15:42:01.499Z');
    expect(received).toEqual([e1, e2, e3, e4]);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    controller.abort();
    await done;
  });
});

describe('the watchdog on a late timer', () => {
  it('does not drop a stream whose bytes kept coming while its timer was held back a minute (a throttled background tab)', async () => {
    const clock = createManualClock();
    script.push((body) => send(body, [logJson(1, 'a')]));
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal, clock }, r.handlers);
    await settle();
    const first = connections[0]?.body;
    // Keep-alives are read every 0.5 s; the watchdog's timer does not run for a minute.
    for (let i = 0; i < 120; i++) {
      clock.pass(500);
      first?.push(' ');
      await settle();
    }
    clock.runDue();
    await settle();
    expect(first?.cancelled()).toBe(false);
    expect(connections).toHaveLength(1);
    expect(r.names()).toEqual(['connecting', 'live']);
    controller.abort();
    await done;
  });

  it('does not drop it either when the late timer runs before the reads waiting behind it, and does drop a dead one at its next look', async () => {
    const clock = createManualClock();
    script.push((body) => send(body, [logJson(1, 'a')]));
    script.push((body, url) => send(body, after([logJson(1, 'a'), logJson(2, 'b')], url)));
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal, clock }, r.handlers);
    await settle();
    const first = connections[0]?.body;

    // The page was busy (or asleep) for a minute: a keep-alive came meanwhile and waits
    // to be read, and the timer runs first.
    clock.pass(60_000);
    first?.push(' ');
    clock.runDue();
    await settle();
    clock.pass(1_000);
    clock.runDue();
    await settle();
    expect(first?.cancelled()).toBe(false);
    expect(r.names()).toEqual(['connecting', 'live']);

    // Now the connection is really dead, and the timer still runs a minute late: the
    // first look only suspects, the next one (after the reads had their turn) drops it.
    clock.pass(60_000);
    clock.runDue();
    await settle();
    expect(first?.cancelled()).toBe(false);
    clock.pass(60_000);
    clock.runDue();
    await settle();
    expect(first?.cancelled()).toBe(true);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting']);

    // The backoff runs on the same clock.
    clock.advance(500);
    await settle();
    expect(connections[1]?.url.searchParams.get('from')).toBe(logJson(1, '').id);
    expect(r.data()).toEqual(['a', 'b']);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    controller.abort();
    await done;
  });

  it('costs a timestamp per chunk: a stream of thousands of chunks sets about one timer per silence', () => {
    const clock = createManualClock();
    let timersSet = 0;
    const counting: StreamClock = {
      now: () => clock.now(),
      setTimeout: (fn, ms) => {
        timersSet++;
        return clock.setTimeout(fn, ms);
      },
      clearTimeout: (id) => clock.clearTimeout(id),
    };
    let silent = false;
    const watchdog = watchSilence({ clock: counting, silenceMs: 5_000, onSilence: () => (silent = true) });
    // 60 s at 1,000 chunks a second.
    for (let ms = 0; ms < 60_000; ms++) {
      clock.advance(1);
      watchdog.touch();
    }
    expect(silent).toBe(false);
    expect(timersSet).toBeLessThanOrEqual(16);
    clock.advance(5_000);
    expect(silent).toBe(true);
    expect(clock.pending()).toBe(0);
  });
});

describe('what the view hears', () => {
  it('after an error: "reconnecting" until the new connection brings bytes, not when its response opens', async () => {
    vi.useFakeTimers();
    script.push((body) => {
      send(body, [logJson(1, 'a')]);
      setTimeout(() => body.fail(new TypeError('network error')), 10);
    });
    // The next response opens and brings nothing for a while.
    script.push(() => undefined);
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);
    await vi.advanceTimersByTimeAsync(10);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(500 + 2_000);
    expect(connections).toHaveLength(2);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting']);
    connections[1]?.body.push(' ');
    await vi.advanceTimersByTimeAsync(1);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    controller.abort();
    await done;
  });

  it('after a planned end (a stream bounded to 30 s): resumed at once from the last id, and "live" throughout', async () => {
    vi.useFakeTimers();
    const all = Array.from({ length: 4 }, (_, i) => logJson(i + 1, `line ${i + 1}`));
    const bounded = (body: ControlledBody, url: URL, objects: Record<string, unknown>[]): void => {
      send(body, after(objects, url));
      const keepAlive = setInterval(() => body.push(' '), 500);
      setTimeout(() => {
        clearInterval(keepAlive);
        body.end();
      }, 30_000);
    };
    script.push((body, url) => bounded(body, url, all.slice(0, 2)));
    script.push((body, url) => bounded(body, url, all));
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);
    await vi.advanceTimersByTimeAsync(30_000);
    // No backoff wait: the next stream opened in the same moment.
    expect(connections).toHaveLength(2);
    expect(connections[1]?.url.searchParams.get('from')).toBe(all[1]?.id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.data()).toEqual(all.map((l) => l.data));
    expect(r.names()).toEqual(['connecting', 'live']);
    controller.abort();
    await done;
  });

  it(`after a planned end whose new stream keeps it waiting: "reconnecting" once ${RESUME_GRACE_MS} ms have passed, "live" with its first byte`, async () => {
    vi.useFakeTimers();
    script.push((body) => {
      send(body, [logJson(1, 'a')]);
      const keepAlive = setInterval(() => body.push(' '), 500);
      setTimeout(() => {
        clearInterval(keepAlive);
        body.end();
      }, PLANNED_END_MIN_LIFE_MS);
    });
    script.push(() => undefined);
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);
    await vi.advanceTimersByTimeAsync(PLANNED_END_MIN_LIFE_MS + RESUME_GRACE_MS - 1);
    expect(connections).toHaveLength(2);
    expect(r.names()).toEqual(['connecting', 'live']);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting']);
    connections[1]?.body.push(' ');
    await vi.advanceTimersByTimeAsync(1);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    controller.abort();
    await done;
  });

  it('after a short-lived end: "reconnecting" at once, and the usual backoff', async () => {
    vi.useFakeTimers();
    script.push((body) => {
      send(body, [logJson(1, 'a')]);
      setTimeout(() => body.end(), 1_000);
    });
    const r = recorder();
    const controller = new AbortController();
    const done = followLogs(SERVICE, { signal: controller.signal }, r.handlers);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.names()).toEqual(['connecting', 'live', 'reconnecting']);
    expect(connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(connections).toHaveLength(2);
    controller.abort();
    await done;
  });
});

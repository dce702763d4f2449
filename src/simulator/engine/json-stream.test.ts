import { describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from './clock';
import { createJsonStreamResponse, createStreamRegistry, type JsonStreamOptions } from './json-stream';

const decoder = new TextDecoder();

/** Lets promise chains and stream machinery run (one macrotask turn, no real waiting). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Reader = ReadableStreamDefaultReader<Uint8Array>;

interface Chunk {
  done: boolean;
  text: string;
  /** Fake milliseconds that passed before it arrived. */
  afterMs: number;
}

/** Reads the next chunk, moving the fake clock forward in 10 ms steps until it arrives. */
async function nextChunk(reader: Reader, clock: FakeClock, limitMs = 5000): Promise<Chunk> {
  let result: ReadableStreamReadResult<Uint8Array> | null = null;
  let failure: unknown = null;
  reader.read().then(
    (r) => (result = r),
    (e: unknown) => (failure = e ?? new Error('read failed')),
  );
  const start = clock.now();
  await settle();
  while (result === null && failure === null) {
    if (clock.now() - start > limitMs) throw new Error(`no chunk within ${limitMs} fake ms`);
    clock.advance(10);
    await settle();
  }
  if (failure !== null) throw failure;
  const r = result as ReadableStreamReadResult<Uint8Array> | null;
  if (r === null) throw new Error('unreachable');
  return { done: r.done, text: r.done ? '' : decoder.decode(r.value), afterMs: clock.now() - start };
}

function setup(overrides: Partial<JsonStreamOptions> = {}) {
  const clock = createFakeClock();
  const registry = createStreamRegistry();
  const baseline = clock.pendingTimers();
  const batches: unknown[][] = [];
  let polls = 0;
  const options: JsonStreamOptions = {
    clock,
    registry,
    poll: () => {
      polls += 1;
      return batches.shift() ?? [];
    },
    ...overrides,
  };
  const response = createJsonStreamResponse(options);
  const body = response.body;
  if (!body) throw new Error('stream response without a body');
  return { clock, registry, baseline, batches, response, reader: body.getReader(), polls: () => polls };
}

describe('createJsonStreamResponse', () => {
  it('answers 200 application/json and writes each object as its own compact chunk', async () => {
    const clock = createFakeClock();
    const registry = createStreamRegistry();
    let first = true;
    const response = createJsonStreamResponse({
      clock,
      registry,
      poll: () => {
        if (!first) return [];
        first = false;
        return [
          { id: 'a1', data: 'hello {world}' },
          { id: 'a2', data: 'line "two"' },
          { id: 'a3', nested: { x: [1, 2] } },
        ];
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-length')).toBeNull();
    const body = response.body;
    if (!body) throw new Error('no body');
    const reader = body.getReader();
    const chunks = [await nextChunk(reader, clock), await nextChunk(reader, clock), await nextChunk(reader, clock)];
    expect(chunks.map((c) => c.text)).toEqual([
      '{"id":"a1","data":"hello {world}"}',
      '{"id":"a2","data":"line \\"two\\""}',
      '{"id":"a3","nested":{"x":[1,2]}}',
    ]);
    // The first pass runs at once: no waiting before the first objects.
    expect(chunks.every((c) => c.afterMs === 0)).toBe(true);
    await reader.cancel();
  });

  it('writes a single " " keep-alive after an empty pass and polls again every 500 ms', async () => {
    const s = setup();
    const first = await nextChunk(s.reader, s.clock);
    expect(first).toMatchObject({ done: false, text: ' ', afterMs: 0 });
    const second = await nextChunk(s.reader, s.clock);
    expect(second.text).toBe(' ');
    expect(second.afterMs).toBeGreaterThanOrEqual(490);
    expect(second.afterMs).toBeLessThanOrEqual(510);
    s.batches.push([{ id: 'x' }]);
    const third = await nextChunk(s.reader, s.clock);
    expect(third.text).toBe('{"id":"x"}');
    expect(third.afterMs).toBeGreaterThanOrEqual(490);
    await s.reader.cancel();
  });

  it('runs the next pass promptly after one that found something', async () => {
    const s = setup();
    s.batches.push([{ n: 1 }], [{ n: 2 }], [{ n: 3 }]);
    const chunks = [
      await nextChunk(s.reader, s.clock),
      await nextChunk(s.reader, s.clock),
      await nextChunk(s.reader, s.clock),
      await nextChunk(s.reader, s.clock),
    ];
    expect(chunks.map((c) => c.text)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', ' ']);
    expect(Math.max(...chunks.map((c) => c.afterMs))).toBeLessThanOrEqual(10);
    await s.reader.cancel();
  });

  it('respects backpressure: a reader that stops reading stops the passes', async () => {
    const clock = createFakeClock();
    let polls = 0;
    const response = createJsonStreamResponse({
      clock,
      registry: createStreamRegistry(),
      poll: () => {
        polls += 1;
        return [{ polls }];
      },
    });
    const body = response.body;
    if (!body) throw new Error('no body');
    const reader = body.getReader();
    await nextChunk(reader, clock);
    for (let i = 0; i < 20; i++) {
      clock.advance(1000);
      await settle();
    }
    // One chunk may wait in the queue; nothing more is produced until it is read.
    expect(polls).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it('ends when the signal aborts, and leaves no timer or registration behind', async () => {
    const controller = new AbortController();
    const s = setup({ signal: controller.signal });
    await nextChunk(s.reader, s.clock);
    expect(s.registry.count()).toBe(1);
    // The idle wait is pending now.
    expect(s.clock.pendingTimers()).toBeGreaterThan(s.baseline);
    controller.abort();
    const end = await nextChunk(s.reader, s.clock);
    expect(end.done).toBe(true);
    expect(s.registry.count()).toBe(0);
    expect(s.clock.pendingTimers()).toBe(s.baseline);
  });

  it('ends when the consumer cancels the body', async () => {
    const s = setup({ maxLifeMs: 60_000 });
    await nextChunk(s.reader, s.clock);
    expect(s.registry.count()).toBe(1);
    await s.reader.cancel();
    await settle();
    expect(s.registry.count()).toBe(0);
    expect(s.clock.pendingTimers()).toBe(s.baseline);
    const pollsAtCancel = s.polls();
    s.clock.advance(10_000);
    await settle();
    expect(s.polls()).toBe(pollsAtCancel);
  });

  it('ends after maxLifeMs', async () => {
    const s = setup({ maxLifeMs: 2_000 });
    const seen: Chunk[] = [];
    for (;;) {
      const chunk = await nextChunk(s.reader, s.clock);
      if (chunk.done) break;
      seen.push(chunk);
    }
    expect(s.clock.now() - Date.UTC(2017, 3, 6, 12, 0, 0)).toBeGreaterThanOrEqual(2_000);
    expect(s.clock.now() - Date.UTC(2017, 3, 6, 12, 0, 0)).toBeLessThan(2_100);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((c) => c.text === ' ')).toBe(true);
    expect(s.registry.count()).toBe(0);
    expect(s.clock.pendingTimers()).toBe(s.baseline);
  });

  it('ends every open stream on closeAll', async () => {
    const clock = createFakeClock();
    const registry = createStreamRegistry();
    const baseline = clock.pendingTimers();
    const readers: Reader[] = [];
    for (let i = 0; i < 5; i++) {
      const body = createJsonStreamResponse({ clock, registry, poll: () => [], maxLifeMs: 60_000 }).body;
      if (!body) throw new Error('no body');
      readers.push(body.getReader());
    }
    for (const reader of readers) await nextChunk(reader, clock);
    expect(registry.count()).toBe(5);
    registry.closeAll();
    expect(registry.count()).toBe(0);
    expect(clock.pendingTimers()).toBe(baseline);
    for (const reader of readers) expect((await nextChunk(reader, clock)).done).toBe(true);
  });

  it('does not open at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const s = setup({ signal: controller.signal });
    expect((await nextChunk(s.reader, s.clock)).done).toBe(true);
    expect(s.registry.count()).toBe(0);
    expect(s.polls()).toBe(0);
    expect(s.clock.pendingTimers()).toBe(s.baseline);
  });

  it('errors the body and cleans up when a pass throws', async () => {
    const clock = createFakeClock();
    const registry = createStreamRegistry();
    const body = createJsonStreamResponse({
      clock,
      registry,
      maxLifeMs: 60_000,
      poll: () => {
        throw new Error('store exploded');
      },
    }).body;
    if (!body) throw new Error('no body');
    await expect(nextChunk(body.getReader(), clock)).rejects.toThrow('store exploded');
    expect(registry.count()).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('opens and drops 1,000 streams without leaving timers or registrations', async () => {
    const clock = createFakeClock();
    const registry = createStreamRegistry();
    const baseline = clock.pendingTimers();
    const open: { reader: Reader; abort: AbortController }[] = [];
    for (let i = 0; i < 1000; i++) {
      const abort = new AbortController();
      const body = createJsonStreamResponse({ clock, registry, poll: () => [{ i }], signal: abort.signal, maxLifeMs: 3_600_000 }).body;
      if (!body) throw new Error('no body');
      open.push({ reader: body.getReader(), abort });
    }
    await settle();
    await Promise.all(open.map((s) => s.reader.read()));
    expect(registry.count()).toBe(1000);
    open.forEach((s, i) => (i % 2 === 0 ? s.abort.abort() : void s.reader.cancel()));
    await settle();
    expect(registry.count()).toBe(0);
    expect(clock.pendingTimers()).toBe(baseline);
  });
});

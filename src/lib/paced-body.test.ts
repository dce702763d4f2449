import { describe, expect, it } from 'vitest';
import { pacedResponse, yieldTask } from './paced-body';

function source(chunks: number, onCancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      i++;
      if (i > chunks) c.close();
      else c.enqueue(Uint8Array.of(i));
    },
    cancel: (reason) => onCancel?.(reason),
  });
}

async function readAll(body: ReadableStream<Uint8Array> | null): Promise<number[]> {
  const out: number[] = [];
  const reader = body?.getReader();
  if (!reader) return out;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(...value);
  }
}

describe('pacedResponse', () => {
  it('passes every chunk through, keeping status and headers', async () => {
    const res = pacedResponse(new Response(source(5), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(await readAll(res.body)).toEqual([1, 2, 3, 4, 5]);
  });

  it('yields to the event loop once a slice of time is used up, not before', async () => {
    let clock = 0;
    let yields = 0;
    const res = pacedResponse(new Response(source(10)), {
      sliceMs: 5,
      now: () => clock,
      yieldTask: async () => {
        yields++;
      },
    });
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read();
    await reader.read();
    expect(yields).toBe(0);
    clock = 6; // the consumer worked 6 ms on what it read
    await reader.read();
    expect(yields).toBe(1);
    await reader.read();
    expect(yields).toBe(1);
    await reader.cancel();
  });

  it('cancels the source when the reader cancels (a stream that is left ends upstream)', async () => {
    const reasons: unknown[] = [];
    const res = pacedResponse(new Response(source(100, (r) => reasons.push(r))));
    const reader = res.body?.getReader();
    await reader?.read();
    await reader?.cancel('bye');
    expect(reasons).toEqual(['bye']);
  });

  it('yieldTask resolves in a later task', async () => {
    const order: string[] = [];
    const y = yieldTask().then(() => order.push('yield'));
    await Promise.resolve().then(() => order.push('microtask'));
    await y;
    expect(order).toEqual(['microtask', 'yield']);
  });
});

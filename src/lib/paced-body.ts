/**
 * A fast stream must not monopolise the page. A response body whose data is already
 * buffered resolves `reader.read()` in microtasks, so a reader loop that keeps finding
 * data never returns to the event loop: no timer runs (xterm parses its write buffer in
 * timer slices) and no frame is drawn until the burst is over. Measured in the log
 * bench: 200,000 lines read in one stretch while the terminal advanced 2,000.
 *
 * `pacedResponse` wraps a body so that after `sliceMs` of reading and processing it
 * yields one macrotask (a MessageChannel message: not clamped like setTimeout, and not
 * throttled in a hidden tab), letting timers and rendering take their turn.
 */

export interface PaceOptions {
  /** Time the reader may run before yielding. Default 6 ms (a frame is 16.7 ms). */
  sliceMs?: number;
  now?: () => number;
  /** Resolves in a later task. Default: a MessageChannel message. */
  yieldTask?: () => Promise<void>;
}

export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The same response (status, headers) with a body that yields to the event loop every slice. */
export function pacedResponse(response: Response, options: PaceOptions = {}): Response {
  const source = response.body;
  if (source === null) return response;
  const sliceMs = options.sliceMs ?? 6;
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldTask ?? yieldTask;
  const reader = source.getReader();
  let sliceStart = now();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (now() - sliceStart >= sliceMs) {
          await pause();
          sliceStart = now();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Nothing read ahead: a chunk is fetched only when the consumer asks.
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The path from a fast log stream into a terminal: lines are queued as they arrive and
 * handed to the terminal in one write per animation frame, with flow control on the
 * terminal's write callbacks (xterm.js "flow control" guide): while more than
 * `highWatermark` characters are written but not yet parsed, nothing more is written,
 * so a burst can never pile up inside the terminal and freeze the page. When a backlog
 * has built up, each acknowledgement hands over the next batch at once instead of
 * waiting for a frame, so the terminal parses back to back (it still yields to
 * rendering every few milliseconds on its own).
 *
 * The queue is bounded. When more lines wait than the terminal could keep in its
 * scrollback anyway, the oldest waiting lines are dropped: they would have scrolled out
 * of the terminal before anyone saw them, so the screen ends up the same. Lines are
 * turned into terminal text only when they are written, so dropped ones cost nothing.
 */

/** What the queue needs from a terminal (xterm's `Terminal.write(data, callback)`). */
export interface WriteSink {
  write(data: string, callback: () => void): void;
}

/** The frame clock (requestAnimationFrame in a page; a fake in tests). */
export interface FrameScheduler {
  request(fn: () => void): number;
  cancel(handle: number): void;
}

interface WriteQueueOptions<T> {
  sink: WriteSink;
  scheduler: FrameScheduler;
  /** Terminal text of one queued line (ending in CRLF). */
  render(item: T): string;
  /** Waiting lines kept at most (the terminal's scrollback plus a screenful). */
  maxPendingLines: number;
  /** Characters written and not yet acknowledged before writing pauses. Default 256 KiB. */
  highWatermark?: number;
  /** Characters handed over in one write at most. Default 128 KiB. */
  maxBatchChars?: number;
  /** After the terminal has parsed a batch: how many lines it held. */
  onBatchShown?(lines: number): void;
}

export interface WriteQueueStats {
  pendingLines: number;
  /** Written to the terminal, not yet acknowledged by its callback. */
  inFlightChars: number;
  /** Lines handed to the terminal and acknowledged since the queue was made. */
  shownLines: number;
  /** Waiting lines dropped because more waited than the scrollback holds. */
  droppedLines: number;
  /** The highest `inFlightChars` seen. */
  maxInFlightChars: number;
}

export interface WriteQueue<T> {
  push(item: T): void;
  /**
   * Drops every waiting line and queues `preamble` (e.g. a terminal reset) to go first.
   * Writes already handed over are still acknowledged, so flow control stays exact.
   */
  restart(preamble: string): void;
  setMaxPendingLines(n: number): void;
  stats(): WriteQueueStats;
  /** Stops scheduling; later acknowledgements are ignored. */
  dispose(): void;
}

/** xterm's guide: keep HIGH under 500 kB so input stays snappy; one callback per ~100 kB. */
const DEFAULT_HIGH_WATERMARK = 256 * 1024;
const DEFAULT_MAX_BATCH_CHARS = 128 * 1024;
/** Waiting lines from which an acknowledgement writes at once rather than next frame. */
const BACKLOG_LINES = 256;

export function createWriteQueue<T>(options: WriteQueueOptions<T>): WriteQueue<T> {
  const { sink, scheduler, render } = options;
  const high = options.highWatermark ?? DEFAULT_HIGH_WATERMARK;
  const maxBatch = options.maxBatchChars ?? DEFAULT_MAX_BATCH_CHARS;
  let maxPending = Math.max(1, options.maxPendingLines);

  // A deque over an array: `head` is the first waiting line; compacted now and then.
  let items: (T | undefined)[] = [];
  let head = 0;
  let preamble = '';
  let inFlight = 0;
  let maxInFlight = 0;
  let shown = 0;
  let dropped = 0;
  let epoch = 0;
  let frame: number | null = null;
  let disposed = false;

  const pendingCount = (): number => items.length - head;
  const hasWork = (): boolean => preamble !== '' || pendingCount() > 0;

  const compact = (): void => {
    if (head > 1024 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
  };

  const schedule = (): void => {
    if (frame !== null || disposed || !hasWork() || inFlight >= high) return;
    frame = scheduler.request(flush);
  };

  function flush(): void {
    frame = null;
    if (disposed || inFlight >= high || !hasWork()) return;
    const budget = Math.min(maxBatch, high - inFlight);
    let text = preamble;
    preamble = '';
    let lines = 0;
    while (head < items.length) {
      const item = items[head];
      if (item === undefined) {
        head++;
        continue;
      }
      const line = render(item);
      // Always at least one line, even one longer than the budget.
      if (text.length > 0 && text.length + line.length > budget) break;
      text += line;
      items[head] = undefined;
      head++;
      lines++;
    }
    compact();
    if (text === '') return;
    const size = text.length;
    inFlight += size;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    const writtenIn = epoch;
    sink.write(text, () => {
      inFlight -= size;
      if (disposed) return;
      if (writtenIn === epoch) {
        shown += lines;
        if (lines > 0) options.onBatchShown?.(lines);
      }
      if (pendingCount() >= BACKLOG_LINES && inFlight < high) {
        // Not from inside the terminal's own callback: next microtask. A frame that new
        // lines asked for meanwhile is not waited for.
        queueMicrotask(() => {
          if (disposed) return;
          if (frame !== null) scheduler.cancel(frame);
          flush();
        });
      } else {
        schedule();
      }
    });
    // Keep going next frame; the callback also re-arms when writing paused at the mark.
    schedule();
  }

  return {
    push(item) {
      if (disposed) return;
      items.push(item);
      if (pendingCount() > maxPending) {
        items[head] = undefined;
        head++;
        dropped++;
      }
      compact();
      schedule();
    },
    restart(text) {
      if (disposed) return;
      epoch++;
      items = [];
      head = 0;
      preamble = text;
      schedule();
    },
    setMaxPendingLines(n) {
      maxPending = Math.max(1, n);
      while (pendingCount() > maxPending) {
        items[head] = undefined;
        head++;
        dropped++;
      }
      compact();
    },
    stats: () => ({
      pendingLines: pendingCount(),
      inFlightChars: inFlight,
      shownLines: shown,
      droppedLines: dropped,
      maxInFlightChars: maxInFlight,
    }),
    dispose() {
      disposed = true;
      if (frame !== null) scheduler.cancel(frame);
      frame = null;
      items = [];
      head = 0;
    },
  };
}

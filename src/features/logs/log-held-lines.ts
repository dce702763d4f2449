/**
 * The lines the log view holds. A batch from the stream is first merged into time order
 * (a bounded reorder window, lib/log-reorder.ts: a grid or stack stream is ordered by log
 * id, which puts the containers' lines of one moment out of time order), then kept in a
 * ring as long as the scrollback; each line that comes out of the window is handed on
 * (`onShow`) to be written. Also the container names seen, and the widest of them.
 */
import type { Log } from '../../api/schemas/log';
import { heldLogLine } from '../../lib/log-line-format';
import type { HeldLogLine } from '../../lib/log-line-format';
import { createLogReorder } from '../../lib/log-reorder';
import { MAX_LINES } from '../../lib/log-view-options';
import { RingBuffer } from '../../lib/ring-buffer';
import type { FrameScheduler } from '../../lib/terminal-write-queue';

/** Names are padded to the widest seen, up to this. */
const MAX_NAME_WIDTH = 40;
/** The first window (history, up to 10 000 lines) is held as one batch for at most this long. */
const FIRST_WINDOW_MAX_MS = 3_000;

interface HeldLinesOptions {
  /** Lines kept (the scrollback). */
  capacity: number;
  /** How long a line may be held to merge it into time order, ms. */
  windowMs: number;
  /** The reorder window's monotonic clock, ms. */
  clock: () => number;
  scheduler: FrameScheduler;
  /** A line out of the reorder window, in time order, now held. */
  onShow: (line: HeldLogLine) => void;
  /** Lines left the reorder window on a frame of their own (the count held changed). */
  onReleased: () => void;
}

interface HeldLines {
  /** Takes a batch of the stream; true when it brought a container not seen before. */
  ingest(logs: readonly Log[]): boolean;
  /** The first pass of a stream is history sent in one go, `lines` long: merged as one batch. */
  holdHistory(lines: number): void;
  /** Lets out everything held back, in order (the stream stopped: nothing more will merge in). */
  flush(): void;
  /** Empties the ring and the window (the user's "Clear"); names and what counts as late stay. */
  clear(): void;
  /** Empties everything, names too (a new session, or the view went). */
  reset(): void;
  /** Keeps as many lines from now on, the newest of those held. */
  resize(capacity: number): void;
  forEach(fn: (line: HeldLogLine) => void): void;
  /** Lines held: in the ring, and those waiting a moment to be put in time order. */
  readonly size: number;
  readonly names: ReadonlySet<string>;
  readonly nameWidth: number;
}

export function createHeldLines(options: HeldLinesOptions): HeldLines {
  const { scheduler, clock } = options;
  let ring = new RingBuffer<HeldLogLine>(options.capacity);
  const names = new Set<string>();
  let nameWidth = 0;
  let frame: number | null = null;

  /** Lines in time order: as many as a first window, so a whole one is merged. */
  const reorder = createLogReorder<HeldLogLine>({
    windowMs: options.windowMs,
    maxHeld: MAX_LINES,
    now: clock,
    timeOf: (line) => line.at,
    idOf: (line) => line.id,
    emit(line, late) {
      if (late) line.late = true;
      ring.push(line);
      options.onShow(line);
    },
  });

  /** Once a frame while lines are held: lets out those whose time has come. */
  function releaseFrame(): void {
    frame = null;
    const before = reorder.size;
    reorder.release();
    if (reorder.size !== before) options.onReleased();
    if (reorder.size > 0) frame = scheduler.request(releaseFrame);
  }

  function cancelFrame(): void {
    if (frame !== null) scheduler.cancel(frame);
    frame = null;
  }

  return {
    ingest(logs) {
      let newName = false;
      const arrivedAt = clock();
      for (const log of logs) {
        const line = heldLogLine(log);
        if (!names.has(line.name)) {
          names.add(line.name);
          newName = true;
          nameWidth = Math.min(MAX_NAME_WIDTH, Math.max(nameWidth, line.name.length));
        }
        reorder.push(line, arrivedAt);
      }
      if (frame === null && reorder.size > 0) frame = scheduler.request(releaseFrame);
      return newName;
    },
    holdHistory(lines) {
      reorder.holdBurst(lines, FIRST_WINDOW_MAX_MS);
    },
    flush() {
      reorder.flush();
      cancelFrame();
    },
    clear() {
      reorder.clear();
      ring.clear();
    },
    reset() {
      reorder.reset();
      cancelFrame();
      ring.clear();
      names.clear();
      nameWidth = 0;
    },
    resize(capacity) {
      ring = ring.resized(capacity);
    },
    forEach(fn) {
      ring.forEach((line) => fn(line));
    },
    get size() {
      return ring.size + reorder.size;
    },
    names,
    get nameWidth() {
      return nameWidth;
    },
  };
}

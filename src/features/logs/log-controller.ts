/**
 * The log view's engine, outside React, put together from its pieces:
 * - log-stream-follower.ts: follows the stream (or reads a snapshot), pauses, resumes;
 * - log-held-lines.ts: merges the lines into time order and holds the newest in a ring;
 * - log-view-filter.ts: which held lines the view shows, and how they read;
 * - log-terminal-writer.ts: feeds the terminal, frame-batched and flow-controlled;
 * - log-status.ts: the small snapshot React sees (connection, counts, container names),
 *   published at most a few times a second — never the lines.
 */
import type { Log } from '../../api/schemas/log';
import { formatTerminalLine } from '../../lib/log-line-format';
import type { HeldLogLine } from '../../lib/log-line-format';
import { createInstanceColours } from '../../lib/log-instance-colours';
import { pacedResponse } from '../../lib/paced-body';
import type { PaceOptions } from '../../lib/paced-body';
import { perfProbe } from '../../lib/perf-probe';
import type { FrameScheduler } from '../../lib/terminal-write-queue';
import { createHeldLines } from './log-held-lines';
import { createLogStatusLine } from './log-status';
import type { LogStatus } from './log-status';
import { createLogStreamFollower } from './log-stream-follower';
import type { LogSession } from './log-stream-follower';
import { createLogTerminalWriter } from './log-terminal-writer';
import type { LogTerminal } from './log-terminal-writer';
import { DEFAULT_LOG_VIEW, inView, viewChangesLines } from './log-view-filter';
import type { LogView } from './log-view-filter';

interface LogControllerDeps {
  scheduler?: FrameScheduler;
  now?: () => number;
  /** Status updates for counts are published at most this often. Default 250 ms. */
  notifyEveryMs?: number;
  /** Reconnect backoff. Default 0.5 s doubling to 10 s. */
  backoffMs?: { initial: number; max: number };
  /** How the stream yields to the page (lib/paced-body.ts); tests on a fake clock yield in microtasks. */
  pace?: PaceOptions;
  /** The reorder window's monotonic clock, ms. Default performance.now. */
  clock?: () => number;
  /** How long a line may be held to merge it into time order, ms. Default 300. */
  reorderWindowMs?: number;
}

export interface LogController {
  attach(terminal: LogTerminal): void;
  detach(): void;
  /** Starts (or keeps, when only `follow` changed) the session. */
  start(session: LogSession): void;
  setView(view: LogView): void;
  /** Reconnects after an error. */
  retry(): void;
  /** Empties the held lines and the terminal; the stream goes on. */
  clear(): void;
  jumpToEnd(): void;
  search(text: string, direction: 'next' | 'previous'): void;
  clearSearch(): void;
  /** The held lines the view shows (filters and grep applied), oldest first. */
  shownLines(): HeldLogLine[];
  /** A container's colour in this view (an index into INSTANCE_COLOR_SLOTS), for the chips. */
  colourOf(name: string): number;
  subscribe(fn: () => void): () => void;
  getStatus(): LogStatus;
  dispose(): void;
}

const BACKOFF = { initial: 500, max: 10_000 };
/**
 * Lines of one moment from different containers reach a grid stream up to a pass of the
 * master apart (it polls every 0.5 s, agents send in batches): hold each up to this long.
 */
const REORDER_WINDOW_MS = 300;

const rafScheduler: FrameScheduler = {
  request: (fn) => requestAnimationFrame(() => fn()),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function createLogController(deps: LogControllerDeps = {}): LogController {
  const scheduler = deps.scheduler ?? rafScheduler;
  // Read once: the bench defines its probe before the app loads; without it this is a no-op.
  const probe = perfProbe();
  let view: LogView = DEFAULT_LOG_VIEW;
  /** Kept for the controller's life: a container keeps its colour across sessions and redraws. */
  const colours = createInstanceColours();
  const colourOf = (name: string): number => colours.indexOf(name);

  const status = createLogStatusLine(
    () => ({
      connection: follower.connection,
      error: follower.error,
      // Lines still in the reorder window count: they are held, and show within a moment.
      held: lines.size,
      newBelow: writer.newBelow,
      atBottom: writer.atBottom,
      names: lines.names,
      skipped: writer.skipped,
      search: writer.search,
    }),
    deps.notifyEveryMs ?? 250,
  );

  const writer = createLogTerminalWriter({
    scheduler,
    render: (line) => formatTerminalLine(line, { timestamps: view.timestamps, nameWidth: lines.nameWidth, colourOf }),
    onChange: () => status.publish(),
    onChangeSoon: () => status.publishSoon(),
  });

  const lines = createHeldLines({
    capacity: view.scrollback,
    windowMs: deps.reorderWindowMs ?? REORDER_WINDOW_MS,
    clock: deps.clock ?? (() => performance.now()),
    scheduler,
    onShow(line) {
      if (inView(line, view)) writer.push(line);
    },
    onReleased: () => status.publishSoon(),
  });

  const follower = createLogStreamFollower({
    now: deps.now ?? (() => Date.now()),
    backoffMs: deps.backoffMs ?? BACKOFF,
    // A burst must not starve the terminal and the page of the main thread.
    pace: (response) => pacedResponse(response, deps.pace),
    onLogs(logs: Log[]) {
      probe?.count?.('logs.ingested', logs.length);
      if (lines.ingest(logs)) status.publish();
      else status.publishSoon();
    },
    onHistory: (count) => lines.holdHistory(count),
    onSettled: () => lines.flush(),
    onConnection: () => status.publish(),
  });

  /** Redraws the terminal from the held lines (after a view change or a new terminal). */
  function redraw(): void {
    if (!writer.restart()) return;
    lines.forEach((line) => {
      if (inView(line, view)) writer.push(line);
    });
    status.publish();
  }

  return {
    attach(t) {
      writer.attach(t, view.scrollback);
      redraw();
    },
    detach: () => writer.detach(),
    start(next) {
      if (follower.isRunning(next)) {
        follower.setFollow(next);
        return;
      }
      follower.stop();
      lines.reset();
      status.forgetNames();
      redraw();
      follower.begin(next);
    },
    setView(next) {
      const redrawNeeded = viewChangesLines(view, next);
      if (next.scrollback !== view.scrollback) {
        lines.resize(next.scrollback);
        writer.setScrollback(next.scrollback);
      }
      view = next;
      if (redrawNeeded) redraw();
      else status.publish();
    },
    retry: () => follower.retry(),
    clear() {
      // The stream goes on after the last line, held or not. Lines still in the reorder
      // window came before the clear: they go too.
      lines.clear();
      redraw();
    },
    jumpToEnd: () => writer.jumpToEnd(),
    search: (text, direction) => writer.find(text, direction),
    clearSearch: () => writer.clearSearch(),
    shownLines() {
      const out: HeldLogLine[] = [];
      lines.forEach((line) => {
        if (inView(line, view)) out.push(line);
      });
      return out;
    },
    colourOf,
    subscribe: (fn) => status.subscribe(fn),
    getStatus: () => status.get(),
    dispose() {
      // Reusable afterwards (React StrictMode mounts, unmounts and mounts again).
      follower.dispose();
      writer.detach();
      status.dispose();
      lines.reset();
      status.forgetNames();
    },
  };
}

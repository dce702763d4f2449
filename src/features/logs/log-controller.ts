/**
 * The log view's engine, outside React: it follows the stream, merges the lines into
 * time order (a bounded reorder window, lib/log-reorder.ts: a grid or stack stream is
 * ordered by log id, which puts the containers' lines of one moment out of time order),
 * holds the newest lines in a bounded ring, formats them and feeds the terminal through
 * the frame-batched, flow-controlled write queue. React only sees a small status
 * snapshot (connection, counts, container names), published at most a few times a
 * second — never the lines.
 */
import type { ApiError } from '../../api/errors';
import { followLogs, getLogs } from '../../api/logs';
import type { LogScope } from '../../api/logs';
import type { Log } from '../../api/schemas/log';
import type { StreamState } from '../../api/stream';
import type { SearchResults, TerminalHandle } from '../../components/terminal-host';
import { formatTerminalLine, heldLogLine, instanceNumberOf, searchableText } from '../../lib/log-line-format';
import type { HeldLogLine, TimestampMode } from '../../lib/log-line-format';
import { createInstanceColours } from '../../lib/log-instance-colours';
import { createLogReorder } from '../../lib/log-reorder';
import { MAX_LINES, resolveSince } from '../../lib/log-view-options';
import { pacedResponse } from '../../lib/paced-body';
import type { PaceOptions } from '../../lib/paced-body';
import { perfProbe } from '../../lib/perf-probe';
import { RingBuffer } from '../../lib/ring-buffer';
import { resizedRingBuffer } from '../../lib/ring-buffer-resize';
import { createWriteQueue } from '../../lib/terminal-write-queue';
import type { FrameScheduler, WriteQueue } from '../../lib/terminal-write-queue';
import { scopeKey } from './log-scope';

/** What the controller needs of the page's terminal. */
export type LogTerminal = Pick<
  TerminalHandle,
  'write' | 'setScrollback' | 'scrollToBottom' | 'isAtBottom' | 'onScroll' | 'findNext' | 'findPrevious' | 'clearSearch' | 'onSearchResults'
>;

export type ConnectionStatus = 'idle' | 'loading' | 'connecting' | 'live' | 'reconnecting' | 'paused' | 'error';

export interface LogStatus {
  connection: ConnectionStatus;
  /** Why the stream stopped (connection "error"), or why it is reconnecting when it was cut, refused or silent. */
  error: string | null;
  /** Lines held (at most the scrollback, plus those waiting a moment to be put in time order). */
  held: number;
  /** New lines written while the user was scrolled up. */
  newBelow: number;
  atBottom: boolean;
  /** Container names seen in the stream, sorted. */
  names: readonly string[];
  /** Lines skipped on the way to the terminal because more arrived than it keeps. */
  skipped: number;
  search: SearchResults | null;
}

export interface LogSession {
  scope: LogScope;
  lines: number;
  /** "", "15m" or an ISO time (resolved when the session starts). */
  since: string;
  /** Service scope: one instance filtered by the master. */
  instance?: number;
  follow: boolean;
}

export interface LogView {
  timestamps: TimestampMode;
  /** Shown instances (service scope); null or empty = all. */
  instances: ReadonlySet<number> | null;
  /** Shown containers by name (stack and grid scopes); null or empty = all. */
  containers: ReadonlySet<string> | null;
  /** Only lines containing this text (case-insensitive); "" = every line. */
  grep: string;
  scrollback: number;
}

export interface LogControllerDeps {
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

/** Full reset (RIS), then hide the cursor: written in-band so it lands after any earlier write. */
export const TERMINAL_RESET = '\u001bc\u001b[?25l';
const MAX_NAME_WIDTH = 40;
const BACKOFF = { initial: 500, max: 10_000 };
/**
 * Lines of one moment from different containers reach a grid stream up to a pass of the
 * master apart (it polls every 0.5 s, agents send in batches): hold each up to this long.
 */
const REORDER_WINDOW_MS = 300;
/** The first window (history, up to 10 000 lines) is held as one batch for at most this long. */
const FIRST_WINDOW_MAX_MS = 3_000;

const rafScheduler: FrameScheduler = {
  request: (fn) => requestAnimationFrame(() => fn()),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** Whether a line passes the view's instance, container and grep filters. */
export function inView(line: HeldLogLine, view: Pick<LogView, 'instances' | 'containers' | 'grep'>): boolean {
  if (view.instances && view.instances.size > 0) {
    const n = instanceNumberOf(line.name);
    if (n === null || !view.instances.has(n)) return false;
  }
  if (view.containers && view.containers.size > 0 && !view.containers.has(line.name)) return false;
  return view.grep === '' || searchableText(line).includes(view.grep);
}

function sameSet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T> | null): boolean {
  const sa = a && a.size > 0 ? a : null;
  const sb = b && b.size > 0 ? b : null;
  if (sa === null || sb === null) return sa === sb;
  if (sa.size !== sb.size) return false;
  for (const v of sa) if (!sb.has(v)) return false;
  return true;
}

function sessionKey(s: LogSession): string {
  return JSON.stringify([scopeKey(s.scope), s.lines, s.since, s.instance ?? null]);
}

export function createLogController(deps: LogControllerDeps = {}): LogController {
  const scheduler = deps.scheduler ?? rafScheduler;
  const now = deps.now ?? (() => Date.now());
  const notifyEvery = deps.notifyEveryMs ?? 250;
  const backoff = deps.backoffMs ?? BACKOFF;
  const clock = deps.clock ?? (() => performance.now());
  // Read once: the bench defines its probe before the app loads; without it this is a no-op.
  const probe = perfProbe();
  // A burst must not starve the terminal and the page of the main thread.
  const pace = (response: Response): Response => pacedResponse(response, deps.pace);

  let view: LogView = { timestamps: 'local', instances: null, containers: null, grep: '', scrollback: 10_000 };
  let ring = new RingBuffer<HeldLogLine>(view.scrollback);
  let session: LogSession | null = null;
  let key = '';
  /** Bumped for every stream opened: items of an older stream are ignored. */
  let generation = 0;
  let stream: AbortController | null = null;
  let lastId: string | null = null;
  let paused = false;

  let terminal: LogTerminal | null = null;
  let writer: WriteQueue<HeldLogLine> | null = null;
  let unsubscribeTerminal: (() => void)[] = [];

  const names = new Set<string>();
  let nameWidth = 0;
  let status: LogStatus = { connection: 'idle', error: null, held: 0, newBelow: 0, atBottom: true, names: [], skipped: 0, search: null };
  let connection: ConnectionStatus = 'idle';
  let error: string | null = null;
  let newBelow = 0;
  let atBottom = true;
  let search: LogStatus['search'] = null;

  const listeners = new Set<() => void>();
  let notifyTimer: ReturnType<typeof setTimeout> | null = null;

  /** Lines in time order: as many as a first window, so a whole one is merged. */
  const reorder = createLogReorder<HeldLogLine>({
    windowMs: deps.reorderWindowMs ?? REORDER_WINDOW_MS,
    maxHeld: MAX_LINES,
    now: clock,
    timeOf: (line) => line.at,
    idOf: (line) => line.id,
    emit: show,
  });
  let reorderFrame: number | null = null;
  /** Kept for the controller's life: a container keeps its colour across sessions and redraws. */
  const colours = createInstanceColours();
  const colourOf = (name: string): number => colours.indexOf(name);

  function publish(): void {
    if (notifyTimer !== null) {
      clearTimeout(notifyTimer);
      notifyTimer = null;
    }
    const skipped = writer?.stats().droppedLines ?? 0;
    // Lines still in the reorder window count: they are held, and show within a moment.
    const next: LogStatus = { connection, error, held: ring.size + reorder.size, newBelow, atBottom, names: status.names, skipped, search };
    if (names.size !== status.names.length) next.names = [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const changed = (Object.keys(next) as (keyof LogStatus)[]).some((k) => next[k] !== status[k]);
    if (!changed) return;
    status = next;
    for (const fn of [...listeners]) fn();
  }

  /** Counts change all the time: publish them at a calm pace. */
  function publishSoon(): void {
    if (notifyTimer !== null) return;
    notifyTimer = setTimeout(publish, notifyEvery);
  }

  function setConnection(next: ConnectionStatus, message: string | null = null): void {
    connection = next;
    error = message;
    publish();
  }

  function shows(line: HeldLogLine): boolean {
    return inView(line, view);
  }

  function format(line: HeldLogLine): string {
    return formatTerminalLine(line, { timestamps: view.timestamps, nameWidth, colourOf });
  }

  /** Redraws the terminal from the held lines (after a view change or a new terminal). */
  function redraw(): void {
    if (!writer) return;
    writer.restart(TERMINAL_RESET);
    terminal?.clearSearch();
    search = null;
    newBelow = 0;
    atBottom = true;
    const w = writer;
    ring.forEach((line) => {
      if (shows(line)) w.push(line);
    });
    publish();
  }

  function makeWriter(): WriteQueue<HeldLogLine> {
    const t = terminal;
    if (!t) throw new Error('no terminal attached');
    return createWriteQueue<HeldLogLine>({
      sink: t,
      scheduler,
      render: format,
      maxPendingLines: view.scrollback + 200,
      onBatchShown(lines) {
        probe?.count?.('logs.shown', lines);
        if (!t.isAtBottom()) {
          newBelow += lines;
          atBottom = false;
        }
        publishSoon();
      },
    });
  }

  /** A line out of the reorder window, in time order: held and shown. */
  function show(line: HeldLogLine, late: boolean): void {
    if (late) line.late = true;
    ring.push(line);
    if (writer && shows(line)) writer.push(line);
  }

  /** Once a frame while lines are held: lets out those whose time has come. */
  function releaseFrame(): void {
    reorderFrame = null;
    const held = reorder.size;
    reorder.release();
    if (reorder.size !== held) publishSoon();
    if (reorder.size > 0) reorderFrame = scheduler.request(releaseFrame);
  }

  function releaseSoon(): void {
    if (reorderFrame === null && reorder.size > 0) reorderFrame = scheduler.request(releaseFrame);
  }

  /** Lets out everything held, in order (the stream stopped: nothing more will merge in). */
  function flushHeld(): void {
    reorder.flush();
    if (reorderFrame !== null) scheduler.cancel(reorderFrame);
    reorderFrame = null;
  }

  function dropHeld(): void {
    reorder.reset();
    if (reorderFrame !== null) scheduler.cancel(reorderFrame);
    reorderFrame = null;
  }

  function ingest(gen: number, logs: Log[]): void {
    if (gen !== generation) return;
    probe?.count?.('logs.ingested', logs.length);
    let newName = false;
    const arrivedAt = clock();
    for (const log of logs) {
      const line = heldLogLine(log);
      // The cursor is the last line received, held back or not: a resume goes on after it.
      lastId = line.id;
      if (!names.has(line.name)) {
        names.add(line.name);
        newName = true;
        nameWidth = Math.min(MAX_NAME_WIDTH, Math.max(nameWidth, line.name.length));
      }
      reorder.push(line, arrivedAt);
    }
    releaseSoon();
    if (newName) publish();
    else publishSoon();
  }

  function onState(gen: number, state: StreamState, err?: ApiError): void {
    if (gen !== generation) return;
    if (state === 'stopped') {
      // Stopped by us (pause, new session) or by an error that retrying cannot fix.
      flushHeld();
      if (err) setConnection('error', err.message);
      else if (paused) setConnection('paused');
      return;
    }
    setConnection(state, state === 'reconnecting' ? (err?.message ?? null) : null);
  }

  function stopStream(): void {
    generation++;
    stream?.abort();
    stream = null;
  }

  /** Replaces the running stream (if any) by a new one: its generation and its signal. */
  function replaceStream(state: 'connecting' | 'loading'): { gen: number; signal: AbortSignal } {
    stopStream();
    const gen = generation;
    const ac = new AbortController();
    stream = ac;
    setConnection(state);
    return { gen, signal: ac.signal };
  }

  function openStream(): void {
    const s = session;
    if (!s) return;
    const { gen, signal } = replaceStream('connecting');
    // The first pass is history sent in one go (ordered by id, so container by container
    // when the master stored them so): merged as one batch.
    if (lastId === null) reorder.holdBurst(s.lines, FIRST_WINDOW_MAX_MS);
    const query =
      lastId === null
        ? { limit: s.lines, since: resolveSince(s.since, now()), instance: s.instance }
        : // Resuming: everything after the last line held (the master sends 10 000 a pass).
          { limit: MAX_LINES, from: lastId, instance: s.instance };
    void followLogs(s.scope, { ...query, signal, backoffMs: backoff, wrapResponse: pace }, { onItems: (logs) => ingest(gen, logs), onState: (st, e) => onState(gen, st, e) });
  }

  function loadSnapshot(): void {
    const s = session;
    if (!s) return;
    const { gen, signal } = replaceStream('loading');
    getLogs(s.scope, { limit: s.lines, since: resolveSince(s.since, now()), instance: s.instance, signal }).then(
      (logs) => {
        if (gen !== generation) return;
        ingest(gen, logs);
        // A snapshot is complete: in order at once.
        flushHeld();
        setConnection('paused');
      },
      (e: unknown) => {
        if (gen !== generation) return;
        setConnection('error', e instanceof Error ? e.message : 'The logs could not be loaded.');
      },
    );
  }

  function resetHeld(): void {
    dropHeld();
    ring.clear();
    lastId = null;
    names.clear();
    nameWidth = 0;
    status = { ...status, names: [] };
  }

  function detach(): void {
    for (const off of unsubscribeTerminal) off();
    unsubscribeTerminal = [];
    writer?.dispose();
    writer = null;
    terminal = null;
  }

  return {
    attach(t) {
      if (terminal) detach();
      terminal = t;
      t.setScrollback(view.scrollback);
      unsubscribeTerminal = [
        t.onScroll(() => {
          const bottom = t.isAtBottom();
          if (bottom === atBottom && !(bottom && newBelow > 0)) return;
          atBottom = bottom;
          if (bottom) newBelow = 0;
          publish();
        }),
        t.onSearchResults((r) => {
          search = { index: r.index, count: r.count };
          publish();
        }),
      ];
      writer = makeWriter();
      redraw();
    },
    detach,
    start(next) {
      const nextKey = sessionKey(next);
      if (nextKey === key && session) {
        session = next;
        if (next.follow && paused) {
          paused = false;
          openStream();
        } else if (!next.follow && !paused) {
          paused = true;
          stopStream();
          // Nothing more comes to merge with: what is held shows now, and stays put.
          flushHeld();
          setConnection('paused');
        }
        return;
      }
      key = nextKey;
      session = next;
      stopStream();
      resetHeld();
      redraw();
      paused = !next.follow;
      if (next.follow) openStream();
      else loadSnapshot();
    },
    setView(next) {
      const redrawNeeded =
        next.timestamps !== view.timestamps || next.grep !== view.grep || !sameSet(next.instances, view.instances) || !sameSet(next.containers, view.containers);
      if (next.scrollback !== view.scrollback) {
        ring = resizedRingBuffer(ring, next.scrollback);
        terminal?.setScrollback(next.scrollback);
        writer?.setMaxPendingLines(next.scrollback + 200);
      }
      view = next;
      if (redrawNeeded) redraw();
      else publish();
    },
    retry() {
      if (!session) return;
      paused = false;
      if (session.follow) openStream();
      else loadSnapshot();
    },
    clear() {
      // `lastId` stays: the stream goes on after the last line, held or not. Lines still
      // in the reorder window came before the clear: they go too.
      reorder.clear();
      ring.clear();
      redraw();
    },
    jumpToEnd() {
      terminal?.scrollToBottom();
      newBelow = 0;
      atBottom = true;
      publish();
    },
    search(text, direction) {
      if (!terminal) return;
      if (text === '') {
        terminal.clearSearch();
        search = null;
        publish();
        return;
      }
      void (direction === 'next' ? terminal.findNext(text) : terminal.findPrevious(text)).then((found) => {
        if (found) return;
        search = { index: -1, count: 0 };
        publish();
      });
    },
    clearSearch() {
      terminal?.clearSearch();
      search = null;
      publish();
    },
    shownLines() {
      const out: HeldLogLine[] = [];
      ring.forEach((line) => {
        if (shows(line)) out.push(line);
      });
      return out;
    },
    colourOf,
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    getStatus: () => status,
    dispose() {
      // Reusable afterwards (React StrictMode mounts, unmounts and mounts again).
      stopStream();
      detach();
      if (notifyTimer !== null) clearTimeout(notifyTimer);
      notifyTimer = null;
      session = null;
      key = '';
      paused = false;
      resetHeld();
      connection = 'idle';
      error = null;
    },
  };
}

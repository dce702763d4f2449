/**
 * The log view's terminal writer: feeds the page's terminal through the frame-batched,
 * flow-controlled write queue (lib/terminal-write-queue.ts), starts it over when the view
 * redraws, and keeps what the status line says of it: new lines below while the user is
 * scrolled up, whether the view is at the bottom, the search results, the lines skipped.
 * It outlives the terminals attached to it: a detach keeps those figures.
 */
import type { SearchResults, TerminalHandle } from '../../components/terminal-host';
import type { HeldLogLine } from '../../lib/log-line-format';
import { perfProbe } from '../../lib/perf-probe';
import { createWriteQueue } from '../../lib/terminal-write-queue';
import type { FrameScheduler, WriteQueue } from '../../lib/terminal-write-queue';

/** What the log view needs of the page's terminal. */
export type LogTerminal = Pick<
  TerminalHandle,
  'write' | 'setScrollback' | 'scrollToBottom' | 'isAtBottom' | 'onScroll' | 'findNext' | 'findPrevious' | 'clearSearch' | 'onSearchResults'
>;

/** Full reset (RIS), then hide the cursor: written in-band so it lands after any earlier write. */
export const TERMINAL_RESET = '\u001bc\u001b[?25l';
/** Lines waiting for the terminal beyond its scrollback: a screenful. */
const PENDING_SLACK = 200;

interface LogTerminalWriterOptions {
  scheduler: FrameScheduler;
  /** Terminal text of one line (ending in CRLF). */
  render: (line: HeldLogLine) => string;
  /** Something the status line shows changed: publish now. */
  onChange: () => void;
  /** A count the status line shows changed: publish soon. */
  onChangeSoon: () => void;
}

interface LogTerminalWriter {
  /** Takes the terminal (letting go of any other); the caller redraws. */
  attach(terminal: LogTerminal, scrollback: number): void;
  detach(): void;
  /** Starts the terminal over (a reset in band, search and "new below" cleared); false when none is attached. */
  restart(): boolean;
  /** Queues a line (nothing happens without a terminal). */
  push(line: HeldLogLine): void;
  setScrollback(lines: number): void;
  jumpToEnd(): void;
  find(text: string, direction: 'next' | 'previous'): void;
  clearSearch(): void;
  readonly newBelow: number;
  readonly atBottom: boolean;
  readonly search: SearchResults | null;
  /** Lines skipped on the way to the terminal because more arrived than it keeps. */
  readonly skipped: number;
}

export function createLogTerminalWriter(options: LogTerminalWriterOptions): LogTerminalWriter {
  const { scheduler, render, onChange, onChangeSoon } = options;
  // Read once: the bench defines its probe before the app loads; without it this is a no-op.
  const probe = perfProbe();
  let terminal: LogTerminal | null = null;
  let queue: WriteQueue<HeldLogLine> | null = null;
  let unsubscribe: (() => void)[] = [];
  let newBelow = 0;
  let atBottom = true;
  let search: SearchResults | null = null;

  function makeQueue(t: LogTerminal, scrollback: number): WriteQueue<HeldLogLine> {
    return createWriteQueue<HeldLogLine>({
      sink: t,
      scheduler,
      render,
      maxPendingLines: scrollback + PENDING_SLACK,
      onBatchShown(lines) {
        probe?.count?.('logs.shown', lines);
        if (!t.isAtBottom()) {
          newBelow += lines;
          atBottom = false;
        }
        onChangeSoon();
      },
    });
  }

  function detach(): void {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    queue?.dispose();
    queue = null;
    terminal = null;
  }

  return {
    attach(t, scrollback) {
      if (terminal) detach();
      terminal = t;
      t.setScrollback(scrollback);
      unsubscribe = [
        t.onScroll(() => {
          const bottom = t.isAtBottom();
          if (bottom === atBottom && !(bottom && newBelow > 0)) return;
          atBottom = bottom;
          if (bottom) newBelow = 0;
          onChange();
        }),
        t.onSearchResults((r) => {
          search = { index: r.index, count: r.count };
          onChange();
        }),
      ];
      queue = makeQueue(t, scrollback);
    },
    detach,
    restart() {
      if (!queue) return false;
      queue.restart(TERMINAL_RESET);
      terminal?.clearSearch();
      search = null;
      newBelow = 0;
      atBottom = true;
      return true;
    },
    push(line) {
      queue?.push(line);
    },
    setScrollback(lines) {
      terminal?.setScrollback(lines);
      queue?.setMaxPendingLines(lines + PENDING_SLACK);
    },
    jumpToEnd() {
      terminal?.scrollToBottom();
      newBelow = 0;
      atBottom = true;
      onChange();
    },
    find(text, direction) {
      if (!terminal) return;
      if (text === '') {
        terminal.clearSearch();
        search = null;
        onChange();
        return;
      }
      void (direction === 'next' ? terminal.findNext(text) : terminal.findPrevious(text)).then((found) => {
        if (found) return;
        search = { index: -1, count: 0 };
        onChange();
      });
    },
    clearSearch() {
      terminal?.clearSearch();
      search = null;
      onChange();
    },
    get newBelow() {
      return newBelow;
    },
    get atBottom() {
      return atBottom;
    },
    get search() {
      return search;
    },
    get skipped() {
      return queue?.stats().droppedLines ?? 0;
    },
  };
}

/**
 * A terminal for DOM tests of the log view (jsdom has no canvas for xterm): it records
 * what the view writes, and reads back the screen since the view's last reset.
 * Use it from a `vi.mock('…/components/terminal-host', …)` factory.
 */
import type { TerminalHandle } from '../../src/components/terminal-host';
import { stripSgr } from '../../src/lib/log-line-format';

export function recordingTerminal(written: string[]): TerminalHandle {
  return {
    write(data, callback) {
      written.push(data);
      queueMicrotask(callback);
    },
    setScrollback: () => undefined,
    scrollToBottom: () => undefined,
    isAtBottom: () => true,
    rows: 24,
    onScroll: () => () => undefined,
    findNext: () => Promise.resolve(true),
    findPrevious: () => Promise.resolve(true),
    clearSearch: () => undefined,
    onSearchResults: () => () => undefined,
    focus: () => undefined,
    release: () => undefined,
  };
}

/** The text on screen since the last reset (`ESC c`), without colours or the hidden cursor. */
export function screenTextOf(written: readonly string[]): string {
  return stripSgr(written.join('').split('\u001bc').at(-1) ?? '').replace('\u001b[?25l', '');
}

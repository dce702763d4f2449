/**
 * The page's one xterm.js terminal. xterm 6.0.0 leaks its whole Terminal graph on
 * dispose() (a cursor-blink interval, a debounced resize task and an
 * IntersectionObserver are never released; fixed only in 6.1), so the terminal is made
 * once, moved into whichever view shows it, and reset — never disposed — when that view
 * goes away. Twenty log views opened and closed leave one Terminal, not twenty.
 *
 * DOM renderer only (the WebGL addon is 2.5–3× slower without a GPU, and is not loaded).
 * Colours come from CSS custom properties (terminal-view.module.css), so the terminal
 * follows the app's light, dark and wall themes. The page that shows a terminal imports
 * `@xterm/xterm/css/xterm.css` (the logs route), so the first route never loads it.
 */
import { Terminal } from '@xterm/xterm';
import type { ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { ISearchOptions, SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { perfProbe } from '../lib/perf-probe';
import { openWithConstructedStyles, routeInlineStylesThroughCssom } from './xterm-csp';

export interface SearchResults {
  /** 0-based index of the active match, -1 when none is active. */
  index: number;
  count: number;
}

export interface TerminalHandle {
  /** Writes terminal text; `callback` runs once xterm has parsed it (flow control). */
  write(data: string, callback: () => void): void;
  setScrollback(lines: number): void;
  scrollToBottom(): void;
  /** The viewport shows the newest line. */
  isAtBottom(): boolean;
  readonly rows: number;
  /** The viewport moved (user scroll, or new lines while at the bottom). */
  onScroll(fn: () => void): () => void;
  /** Resolves whether a match was found (the search addon loads on first use). */
  findNext(text: string): Promise<boolean>;
  findPrevious(text: string): Promise<boolean>;
  clearSearch(): void;
  onSearchResults(fn: (results: SearchResults) => void): () => void;
  focus(): void;
  /** Takes the terminal out of the view, resets it and frees it for the next view. */
  release(): void;
}

interface AttachOptions {
  scrollback: number;
  /** What a screen reader announces for the terminal's focus target. */
  label: string;
}

interface Shared {
  term: Terminal;
  fit: FitAddon;
  /** Loaded on the first search (it is an eighth of the terminal's code). */
  search: Promise<SearchAddon> | null;
  searchListeners: Set<(results: SearchResults) => void>;
  container: HTMLDivElement;
  /** Listeners and observers of the current view, dropped on release. */
  disposers: (() => void)[];
  owner: symbol | null;
  fitFrame: number | null;
}

let shared: Shared | null = null;

const FONT_FAMILY = "ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, 'Liberation Mono', monospace";
const ANSI_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/** The terminal colours from `--term-*` custom properties of the element. */
function themeFrom(element: Element): { theme: ITheme; fontSize: number } {
  const style = getComputedStyle(element);
  const theme: ITheme = {
    background: cssVar(style, '--term-bg', '#0e1217'),
    foreground: cssVar(style, '--term-fg', '#e4eaf0'),
    cursor: cssVar(style, '--term-bg', '#0e1217'),
    selectionBackground: cssVar(style, '--term-selection', '#2c6bd380'),
    scrollbarSliderBackground: cssVar(style, '--term-scrollbar', '#8884'),
    scrollbarSliderHoverBackground: cssVar(style, '--term-scrollbar-hover', '#8888'),
    scrollbarSliderActiveBackground: cssVar(style, '--term-scrollbar-hover', '#8888'),
  };
  const record = theme as Record<string, string>;
  ANSI_NAMES.forEach((name, i) => {
    record[name] = cssVar(style, `--term-ansi-${i}`, '#888888');
    record[`bright${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`] = cssVar(style, `--term-ansi-${i + 8}`, '#aaaaaa');
  });
  // Slots 16–255 the stylesheet retunes (the log prefixes' colours); an empty entry keeps
  // xterm's own colour for that slot.
  const extended: string[] = [];
  let used = 0;
  for (let slot = 16; slot < 256; slot++) {
    const value = style.getPropertyValue(`--term-ansi-${slot}`).trim();
    extended.push(value);
    if (value !== '') used = extended.length;
  }
  if (used > 0) theme.extendedAnsi = extended.slice(0, used);
  const fontSize = Number.parseFloat(cssVar(style, '--term-font-size', '13'));
  return { theme, fontSize: Number.isFinite(fontSize) && fontSize > 6 ? fontSize : 13 };
}

function searchOptions(element: Element): ISearchOptions {
  const style = getComputedStyle(element);
  const match = cssVar(style, '--term-match', '#5c4a00');
  const activeMatch = cssVar(style, '--term-active-match', '#b37a00');
  return {
    caseSensitive: false,
    decorations: {
      matchBackground: match,
      matchOverviewRuler: match,
      activeMatchBackground: activeMatch,
      activeMatchColorOverviewRuler: activeMatch,
    },
  };
}

function createShared(host: HTMLElement, scrollback: number): Shared {
  const look = themeFrom(host);
  const term = new Terminal({
    allowProposedApi: true, // search-match decorations
    disableStdin: true,
    cursorBlink: false,
    cursorStyle: 'bar',
    cursorInactiveStyle: 'none',
    convertEol: false,
    fontFamily: FONT_FAMILY,
    fontSize: look.fontSize,
    lineHeight: 1.15,
    scrollback,
    theme: look.theme,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.loadAddon(
    new WebLinksAddon((_event, uri) => {
      // Only web links, in a new tab that cannot reach back into the dashboard.
      if (/^https?:\/\//i.test(uri)) window.open(uri, '_blank', 'noopener,noreferrer');
    }),
  );
  // Read-only viewer: the keys that would type instead scroll.
  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown') return true;
    switch (event.key) {
      case 'PageUp':
        term.scrollPages(-1);
        return false;
      case 'PageDown':
        term.scrollPages(1);
        return false;
      case 'Home':
        term.scrollToTop();
        return false;
      case 'End':
        term.scrollToBottom();
        return false;
      case 'ArrowUp':
        term.scrollLines(-1);
        return false;
      case 'ArrowDown':
        term.scrollLines(1);
        return false;
      default:
        return true;
    }
  });
  const container = document.createElement('div');
  container.className = 'kontena-terminal';
  host.appendChild(container);
  openWithConstructedStyles(document, () => term.open(container));
  if (!routeInlineStylesThroughCssom(term) && import.meta.env.DEV) {
    console.warn('[terminal] xterm internals changed: selections and 24-bit colours will hit the CSP');
  }
  perfProbe()?.terminals?.push(new WeakRef(term));
  return {
    term,
    fit,
    search: null,
    searchListeners: new Set(),
    container,
    disposers: [],
    owner: null,
    fitFrame: null,
  };
}

function searchAddon(s: Shared): Promise<SearchAddon> {
  s.search ??= import('@xterm/addon-search').then(
    ({ SearchAddon: Addon }) => {
      const addon = new Addon({ highlightLimit: 1000 });
      s.term.loadAddon(addon);
      addon.onDidChangeResults((e) => {
        for (const fn of [...s.searchListeners]) fn({ index: e.resultIndex, count: e.resultCount });
      });
      return addon;
    },
    (e: unknown) => {
      // The chunk did not load (network, deploy): the next search tries again.
      s.search = null;
      throw e;
    },
  );
  return s.search;
}

function fitSoon(s: Shared): void {
  if (s.fitFrame !== null) return;
  s.fitFrame = requestAnimationFrame(() => {
    s.fitFrame = null;
    // Detached or hidden: nothing to measure.
    if (!s.container.isConnected || s.container.clientWidth === 0) return;
    try {
      s.fit.fit();
    } catch {
      // fit() throws while the renderer has no dimensions yet; the next resize retries.
    }
  });
}

function applyTheme(s: Shared, host: Element): void {
  const look = themeFrom(host);
  s.term.options.theme = look.theme;
  if (s.term.options.fontSize !== look.fontSize) s.term.options.fontSize = look.fontSize;
  fitSoon(s);
}

/** Moves the page's terminal into `host` (creating it the first time) for one view. */
export function attachTerminal(host: HTMLElement, options: AttachOptions): TerminalHandle {
  if (shared === null) {
    shared = createShared(host, options.scrollback);
  } else {
    // A view that did not release (should not happen) loses the terminal to this one.
    releaseShared(shared);
    host.appendChild(shared.container);
    shared.term.options.scrollback = options.scrollback;
    applyTheme(shared, host);
  }
  const s = shared;
  const token = Symbol('terminal-view');
  s.owner = token;
  const textarea = s.term.textarea;
  if (textarea) textarea.setAttribute('aria-label', options.label);
  // Hide the cursor: nothing is typed here.
  s.term.write('\u001b[?25l');

  if (typeof ResizeObserver === 'function') {
    const resizeObserver = new ResizeObserver(() => fitSoon(s));
    resizeObserver.observe(host);
    s.disposers.push(() => resizeObserver.disconnect());
  }
  const onThemeChange = (): void => applyTheme(s, host);
  const themeObserver = new MutationObserver(onThemeChange);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  s.disposers.push(() => themeObserver.disconnect());
  if (typeof matchMedia === 'function') {
    const colorScheme = matchMedia('(prefers-color-scheme: dark)');
    colorScheme.addEventListener('change', onThemeChange);
    s.disposers.push(() => colorScheme.removeEventListener('change', onThemeChange));
  }
  fitSoon(s);

  const mine = (): boolean => s.owner === token;
  return {
    write: (data, callback) => {
      if (mine()) s.term.write(data, callback);
      else callback();
    },
    setScrollback: (lines) => {
      if (mine() && s.term.options.scrollback !== lines) s.term.options.scrollback = lines;
    },
    scrollToBottom: () => {
      if (mine()) s.term.scrollToBottom();
    },
    isAtBottom: () => {
      const b = s.term.buffer.active;
      return b.viewportY >= b.baseY;
    },
    get rows() {
      return s.term.rows;
    },
    onScroll: (fn) => {
      const d = s.term.onScroll(() => fn());
      const off = (): void => d.dispose();
      s.disposers.push(off);
      return off;
    },
    findNext: async (text) => {
      if (!mine()) return false;
      const addon = await searchAddon(s);
      return mine() && addon.findNext(text, searchOptions(host));
    },
    findPrevious: async (text) => {
      if (!mine()) return false;
      const addon = await searchAddon(s);
      return mine() && addon.findPrevious(text, searchOptions(host));
    },
    clearSearch: () => {
      if (mine()) void s.search?.then((addon) => addon.clearDecorations());
    },
    onSearchResults: (fn) => {
      s.searchListeners.add(fn);
      const off = (): void => {
        s.searchListeners.delete(fn);
      };
      s.disposers.push(off);
      return off;
    },
    focus: () => {
      if (mine()) s.term.focus();
    },
    release: () => {
      if (mine()) releaseShared(s);
    },
  };
}

function releaseShared(s: Shared): void {
  s.owner = null;
  for (const off of s.disposers.splice(0)) off();
  if (s.fitFrame !== null) cancelAnimationFrame(s.fitFrame);
  s.fitFrame = null;
  void s.search?.then((addon) => addon.clearDecorations());
  // Empties the buffer (its scrollback is most of the terminal's memory).
  s.term.reset();
  s.container.remove();
}

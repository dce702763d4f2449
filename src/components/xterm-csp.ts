/**
 * Makes xterm.js 6.0.0's DOM renderer work under the production CSP `style-src 'self'`
 * (no 'unsafe-inline'). Measured in headless Chromium with that policy:
 *  - xterm creates three <style> elements (renderer theme, renderer dimensions, scrollbar)
 *    and fills them through `textContent`: refused ("Applying inline style violates…"),
 *    even while empty, so the terminal renders unstyled;
 *  - the DOM renderer colours 24-bit colours, selected cells and search-match decorations
 *    through `setAttribute('style', …)`: refused too;
 *  - constructed stylesheets (`new CSSStyleSheet()` + `document.adoptedStyleSheets`) and
 *    CSSOM writes (`element.style.cssText`) are allowed.
 * So while the terminal is opened, a <style> xterm asks for is handed out as an inert
 * <template> whose `textContent` feeds a constructed stylesheet, and the row factory's
 * style-attribute writer is pointed at CSSOM. Nothing in the CSP needs to change.
 */

type CreateElement = Document['createElement'];

interface CspStyleBridge {
  /** Stops feeding the stylesheets and removes them from the document. */
  dispose(): void;
}

/**
 * Runs `open` (which calls `terminal.open(parent)`) with `<style>` creation redirected
 * to constructed stylesheets. Returns a handle that removes those sheets again.
 */
export function openWithConstructedStyles(doc: Document, open: () => void): CspStyleBridge {
  const sheets: CSSStyleSheet[] = [];
  const supported = typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in doc && 'replaceSync' in CSSStyleSheet.prototype;
  if (!supported) {
    open();
    return { dispose: () => undefined };
  }
  const hadOwn = Object.prototype.hasOwnProperty.call(doc, 'createElement');
  const original: CreateElement = doc.createElement;
  const redirected = function (this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    if (tagName.toLowerCase() !== 'style') return original.call(this, tagName, options);
    const stand = original.call(this, 'template');
    stand.dataset.xtermStyle = '';
    const sheet = new CSSStyleSheet();
    sheets.push(sheet);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    let text = '';
    Object.defineProperty(stand, 'textContent', {
      configurable: true,
      get: () => text,
      set: (value: unknown) => {
        text = typeof value === 'string' ? value : '';
        sheet.replaceSync(text);
      },
    });
    return stand;
  } as CreateElement;
  doc.createElement = redirected;
  try {
    open();
  } finally {
    if (hadOwn) doc.createElement = original;
    else delete (doc as { createElement?: CreateElement }).createElement;
  }
  return {
    dispose() {
      const gone = new Set(sheets);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => !gone.has(s));
      for (const sheet of sheets) sheet.replaceSync('');
      sheets.length = 0;
    },
  };
}

interface RowFactoryLike {
  _addStyle?: (element: HTMLElement, style: string) => void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Points the DOM renderer's style-attribute writer (DomRendererRowFactory._addStyle in
 * xterm 6.0.0) at CSSOM. This reaches into xterm internals, pinned by the exact version
 * in package.json; returns false when the shape is not found (a different xterm), and
 * the caller reports it so the next upgrade notices.
 */
export function routeInlineStylesThroughCssom(terminal: object): boolean {
  const core = (terminal as { _core?: unknown })._core;
  if (!isObject(core)) return false;
  const renderService = core._renderService;
  if (!isObject(renderService)) return false;
  const rendererSlot = renderService._renderer;
  if (!isObject(rendererSlot)) return false;
  const renderer = rendererSlot.value;
  if (!isObject(renderer)) return false;
  const factory = renderer._rowFactory as RowFactoryLike | undefined;
  if (!isObject(factory) || typeof factory._addStyle !== 'function') return false;
  factory._addStyle = (element: HTMLElement, style: string): void => {
    element.style.cssText += `${style};`;
  };
  return true;
}

// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithConstructedStyles, routeInlineStylesThroughCssom } from './xterm-csp';

// jsdom has no constructed stylesheets: a stand-in that keeps the text it is given
// (Chromium's own behaviour under the CSP is what e2e/logs.spec.ts checks).
class FakeSheet {
  text = '';
  replaceSync(text: string): void {
    this.text = text;
  }
}
const realSheet = globalThis.CSSStyleSheet;
let adopted: FakeSheet[] = [];
beforeAll(() => {
  (globalThis as { CSSStyleSheet: unknown }).CSSStyleSheet = FakeSheet;
  Object.defineProperty(document, 'adoptedStyleSheets', { configurable: true, get: () => adopted, set: (v: FakeSheet[]) => (adopted = v) });
});
afterAll(() => {
  (globalThis as { CSSStyleSheet: unknown }).CSSStyleSheet = realSheet;
  delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
});

describe('openWithConstructedStyles', () => {
  it('hands out inert stand-ins for <style> and feeds their text into adopted sheets', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    let made: HTMLElement | null = null;
    const before = adopted.length;
    const bridge = openWithConstructedStyles(document, () => {
      made = document.createElement('style');
      host.appendChild(made);
      made.textContent = '.xterm-rows { color: red; }';
      host.appendChild(document.createElement('span'));
    });
    const el = made as HTMLElement | null;
    expect(el?.tagName).toBe('TEMPLATE');
    expect(el?.textContent).toBe('.xterm-rows { color: red; }');
    expect(adopted.length).toBe(before + 1);
    expect(adopted.at(-1)?.text).toBe('.xterm-rows { color: red; }');
    // Outside the open call, createElement is the document's own again.
    expect(document.createElement('style').tagName).toBe('STYLE');
    expect(Object.prototype.hasOwnProperty.call(document, 'createElement')).toBe(false);
    bridge.dispose();
    expect(adopted.length).toBe(before);
  });

  it('restores createElement even when open throws', () => {
    expect(() =>
      openWithConstructedStyles(document, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Object.prototype.hasOwnProperty.call(document, 'createElement')).toBe(false);
  });
});

describe('routeInlineStylesThroughCssom', () => {
  it('points the row factory of xterm 6.0.0 at element.style instead of the style attribute', () => {
    const factory: { _addStyle?: (el: HTMLElement, style: string) => void } = { _addStyle: (el, style) => el.setAttribute('style', style) };
    const terminal = { _core: { _renderService: { _renderer: { value: { _rowFactory: factory } } } } };
    expect(routeInlineStylesThroughCssom(terminal)).toBe(true);
    const span = document.createElement('span');
    factory._addStyle?.(span, 'color:#ff0000');
    factory._addStyle?.(span, 'background-color:#000000');
    expect(span.style.color).toBe('rgb(255, 0, 0)');
    expect(span.style.backgroundColor).toBe('rgb(0, 0, 0)');
  });

  it('reports an xterm whose internals moved', () => {
    expect(routeInlineStylesThroughCssom({})).toBe(false);
    expect(routeInlineStylesThroughCssom({ _core: { _renderService: null } })).toBe(false);
  });
});

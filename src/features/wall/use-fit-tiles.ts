import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** Steps of `data-fit`: each sets the element a size smaller (wall-tile.module.css). */
const FIT_STEPS = 3;

/**
 * Wider than its box, or taller by more than a glyph's reach: a font's ascent and descent
 * can exceed a tight line height by a few pixels, which is not a line too many.
 */
function overflows(element: HTMLElement): boolean {
  const slack = Math.max(1, (Number.parseFloat(getComputedStyle(element).fontSize) || 0) * 0.3);
  return element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + slack;
}

/**
 * Steps `data-fit` up on each element that overflows its box: all reads, then all writes,
 * per step, so one layout per step however many tiles there are.
 */
function fitAll(elements: readonly HTMLElement[]): void {
  for (const element of elements) delete element.dataset.fit;
  let over = elements.filter(overflows);
  for (let step = 1; step <= FIT_STEPS && over.length > 0; step++) {
    for (const element of over) element.dataset.fit = String(step);
    over = over.filter(overflows);
  }
}

/**
 * The safety net under the tile design: a tile's lines are sized to fit its least size,
 * but a service name or a message can be longer than any design allows for. A name that
 * does not fit on its two lines gets a smaller size, then a tile whose lines still
 * overflow gets a smaller type all over, a step at a time: a smaller size chosen for that
 * tile, never a word cut by the screen.
 */
function fitTiles(tiles: readonly HTMLElement[]): void {
  fitAll(tiles.flatMap((tile) => [...tile.querySelectorAll<HTMLElement>('[data-fit-name]')]));
  fitAll(tiles);
}

/**
 * Fits every tile of the list before paint whenever `key` changes (the tiles on screen,
 * the layout) and when the list's box changes size.
 */
export function useFitTiles(listRef: RefObject<HTMLElement | null>, key: string): void {
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    const run = (): void => fitTiles([...list.children].filter((c): c is HTMLElement => c instanceof HTMLElement));
    run();
    if (typeof ResizeObserver === 'undefined') return;
    let first = true;
    const observer = new ResizeObserver(() => {
      // The observer reports once on observe: that size was just fitted.
      if (first) {
        first = false;
        return;
      }
      run();
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, key]);
}

/**
 * Fits one tile again before paint when what it says changes on its own (its health, as
 * its instances report it; stale data): the list's fit covers its first showing.
 */
export function useRefitTile(tileRef: RefObject<HTMLElement | null>, says: string): void {
  const shown = useRef<string | null>(null);
  useLayoutEffect(() => {
    const tile = tileRef.current;
    const before = shown.current;
    shown.current = says;
    if (tile === null || before === null || before === says) return;
    fitTiles([tile]);
  }, [tileRef, says]);
}

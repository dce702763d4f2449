import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { FALLBACK_LAYOUT, fitTiles } from './wall-screens';
import type { TileLayout } from './wall-screens';

/** How many tiles fit in the element, re-measured when the screen (or window) changes size. */
export function useTileLayout(ref: RefObject<HTMLElement | null>): TileLayout {
  const [layout, setLayout] = useState<TileLayout>(FALLBACK_LAYOUT);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const measure = (): void => {
      const rect = element.getBoundingClientRect();
      const next = fitTiles(rect.width, rect.height);
      setLayout((prev) => (prev.cols === next.cols && prev.rows === next.rows ? prev : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return layout;
}

import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { FALLBACK_AREA, screenScale } from './wall-layout';
import type { WallArea } from './wall-layout';

/**
 * The tiles' area and the screen's scale, re-measured when the screen (or window)
 * changes size; wall-layout.ts turns them into columns, rows and a type size.
 */
export function useWallArea(ref: RefObject<HTMLElement | null>): WallArea {
  const [area, setArea] = useState<WallArea>(FALLBACK_AREA);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const measure = (): void => {
      const rect = element.getBoundingClientRect();
      const root = document.documentElement;
      const next: WallArea = {
        width: Math.floor(rect.width),
        height: Math.floor(rect.height),
        scale: screenScale(root.clientWidth, root.clientHeight),
      };
      setArea((prev) => (prev.width === next.width && prev.height === next.height && prev.scale === next.scale ? prev : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return area;
}

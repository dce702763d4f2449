import { useLayoutEffect } from 'react';
import type { WallTheme } from './wall-config';

/**
 * Applies the URL's theme to the page while the wall (or its signed-out message) is on
 * screen, without storing it: the user's own theme choice comes back when it is left.
 */
export function useWallTheme(theme: WallTheme): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const before = root.dataset.theme;
    root.dataset.theme = theme;
    return () => {
      if (before === undefined) delete root.dataset.theme;
      else root.dataset.theme = before;
    };
  }, [theme]);
}

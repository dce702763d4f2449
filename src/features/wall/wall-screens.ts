/**
 * What fits on the screen, and what rotation turns through. The wall shows only as many
 * tiles as fit without scrolling (nobody scrolls a wall); with rotation it turns through
 * pages of tiles, or through grids (each grid's pages in turn). Without rotation it shows
 * the first page, and problems sort first, so whatever does not fit has none (or the
 * footer says how many do).
 */
import type { RotateBy } from './wall-config';
import type { WallTile } from './wall-tiles';

interface WallScreen {
  /** The grid this screen shows when rotating by grid; null = the wall's grids together. */
  grid: string | null;
  tiles: WallTile[];
  /** 1-based page within the grid (or within the wall), and the number of pages. */
  page: number;
  pages: number;
  /** Tiles left off because they do not fit (only without rotation). */
  hidden: number;
  hiddenProblems: number;
}

interface ScreenOptions {
  rotating: boolean;
  by: RotateBy;
  /** Grids in the order the URL (or the master) gives them. */
  grids: readonly string[];
  pageSize: number;
}

function pagesOf(tiles: readonly WallTile[], grid: string | null, pageSize: number): WallScreen[] {
  const pages = Math.max(1, Math.ceil(tiles.length / pageSize));
  const out: WallScreen[] = [];
  for (let i = 0; i < pages; i++) {
    out.push({ grid, tiles: tiles.slice(i * pageSize, (i + 1) * pageSize), page: i + 1, pages, hidden: 0, hiddenProblems: 0 });
  }
  return out;
}

/** `ordered` is already in wall order (problems first). Always at least one screen. */
export function buildScreens(ordered: readonly WallTile[], { rotating, by, grids, pageSize }: ScreenOptions): WallScreen[] {
  const size = Math.max(1, Math.floor(pageSize));
  if (!rotating) {
    const hiddenTiles = ordered.slice(size);
    return [
      {
        grid: null,
        tiles: ordered.slice(0, size),
        page: 1,
        pages: 1,
        hidden: hiddenTiles.length,
        hiddenProblems: hiddenTiles.filter((t) => t.problems.length > 0).length,
      },
    ];
  }
  if (by === 'page' || grids.length <= 1) return pagesOf(ordered, grids.length === 1 ? (grids[0] ?? null) : null, size);
  return grids.flatMap((grid) =>
    pagesOf(
      ordered.filter((t) => t.grid === grid),
      grid,
      size,
    ),
  );
}

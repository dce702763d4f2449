/**
 * How the wall lays its tiles out: the grid of columns and rows, and the type size the
 * tiles are set in. Tiles are designed in em (wall-tile.module.css), so one number, the
 * tile font size, scales a whole tile: the layout picks the grid that gives the largest
 * type for the number of tiles on screen (5 tiles get large type, 40 get small), and never
 * goes below the smallest size that still reads from across the room; what does not fit
 * at that size is left to the next page (or said to be left off).
 *
 * Sizes are in CSS pixels of a 1920×1080 screen and scale with the screen (see
 * `screenScale`): a 4K screen at device pixel ratio 1 is no closer to the room than a
 * full-HD one, so it gets the same layout at twice the pixels, not four times the tiles.
 */

export interface WallArea {
  /** The tiles' area, CSS px. */
  width: number;
  height: number;
  /** The screen's size relative to 1920×1080 (see `screenScale`). */
  scale: number;
}

interface TilePlan {
  cols: number;
  rows: number;
  /** The tiles' font size (their em), CSS px. */
  fontPx: number;
  gapPx: number;
  tileWidth: number;
  tileHeight: number;
  /** Each of the tile's two sparklines (CPU, memory), side by side under their figures. */
  sparkWidth: number;
}

/** A tile's least size in its own em: what its lines need (wall-tile.module.css). */
const TILE_EM_WIDTH = 14;
const TILE_EM_HEIGHT = 11.5;
/** Tile font size bounds at scale 1: the smallest that reads from 5 m, the largest worth having. */
export const MIN_TILE_FONT_PX = 16;
export const MAX_TILE_FONT_PX = 36;
const TILE_GAP_PX = 12;
/**
 * The tile's frame in its em, set on the tile list as CSS custom properties by the page
 * so the stylesheet and this arithmetic agree: side padding, the coloured left edge, the
 * other borders, and the gap between the two metric columns.
 */
const TILE_FRAME_EM = { padX: 0.65, edge: 0.45, border: 0.12, metricGap: 0.9 } as const;
/** The reference screen. */
const REFERENCE_WIDTH = 1920;
const REFERENCE_HEIGHT = 1080;

/** Before the wall is measured (or where it cannot be, as in tests without layout). */
export const FALLBACK_AREA: WallArea = { width: 1888, height: 990, scale: 1 };

/**
 * 1 at 1920×1080 (and at 1080×1920: a screen turned on its side is the same screen), 2 at
 * 3840×2160; small windows scale down, but not below 0.6.
 */
export function screenScale(viewportWidth: number, viewportHeight: number): number {
  if (!(viewportWidth > 0) || !(viewportHeight > 0)) return 1;
  const long = Math.max(viewportWidth, viewportHeight);
  const short = Math.min(viewportWidth, viewportHeight);
  const scale = Math.min(long / REFERENCE_WIDTH, short / REFERENCE_HEIGHT);
  return Math.min(4, Math.max(0.6, scale));
}

/** The font size that lets cols × rows tiles of the least em size fill the area. */
function fontFor(area: WallArea, cols: number, rows: number, gap: number): number {
  const tileWidth = (area.width - (cols - 1) * gap) / cols;
  const tileHeight = (area.height - (rows - 1) * gap) / rows;
  return Math.min(tileWidth / TILE_EM_WIDTH, tileHeight / TILE_EM_HEIGHT);
}

function plan(area: WallArea, cols: number, rows: number): TilePlan {
  const gapPx = TILE_GAP_PX * area.scale;
  const fontPx = Math.floor(Math.min(MAX_TILE_FONT_PX * area.scale, fontFor(area, cols, rows, gapPx)) * 10) / 10;
  const tileWidth = (area.width - (cols - 1) * gapPx) / cols;
  const { padX, edge, border, metricGap } = TILE_FRAME_EM;
  const inner = tileWidth - fontPx * (2 * padX + edge + border);
  return {
    cols,
    rows,
    fontPx,
    gapPx,
    tileWidth,
    tileHeight: (area.height - (rows - 1) * gapPx) / rows,
    sparkWidth: (inner - fontPx * metricGap) / 2,
  };
}

function usable(area: WallArea): boolean {
  return area.width > 0 && area.height > 0 && area.scale > 0;
}

/** The most tiles that fit at the smallest readable type: the size of a page. */
export function tileCapacity(area: WallArea): TilePlan {
  const a = usable(area) ? area : FALLBACK_AREA;
  const gap = TILE_GAP_PX * a.scale;
  const least = MIN_TILE_FONT_PX * a.scale;
  const cols = Math.max(1, Math.floor((a.width + gap) / (TILE_EM_WIDTH * least + gap)));
  const rows = Math.max(1, Math.floor((a.height + gap) / (TILE_EM_HEIGHT * least + gap)));
  return plan(a, cols, rows);
}

/**
 * The layout for `count` tiles: the grid with the largest type (capped), then the fewest
 * empty places, then the tile shape nearest the design's. More tiles than fit at the
 * smallest readable type get the capacity layout (the caller shows that many).
 */
export function planTiles(area: WallArea, count: number): TilePlan {
  const a = usable(area) ? area : FALLBACK_AREA;
  const capacity = tileCapacity(a);
  const n = Math.floor(count);
  if (n > capacity.cols * capacity.rows) return capacity;
  if (n <= 1) return plan(a, 1, 1);
  const gap = TILE_GAP_PX * a.scale;
  const cap = MAX_TILE_FONT_PX * a.scale;
  const designShape = TILE_EM_WIDTH / TILE_EM_HEIGHT;
  let best: { cols: number; rows: number; font: number; empty: number; misfit: number } | null = null;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    // Each column count needs only its fewest rows; a column count that leaves a whole row empty is another's.
    if ((cols - 1) * rows >= n && cols > 1) continue;
    const font = Math.min(cap, fontFor(a, cols, rows, gap));
    const tileWidth = (a.width - (cols - 1) * gap) / cols;
    const tileHeight = (a.height - (rows - 1) * gap) / rows;
    const misfit = Math.abs(Math.log(tileWidth / tileHeight / designShape));
    const empty = cols * rows - n;
    const candidate = { cols, rows, font, empty, misfit };
    if (best === null || better(candidate, best)) best = candidate;
  }
  return best === null ? capacity : plan(a, best.cols, best.rows);
}

/** How far from the design's shape (log of the ratio) a tile may be before shape outweighs an empty place. */
const SHAPE_TOLERANCE = 0.5;

function better(a: { font: number; empty: number; misfit: number }, b: { font: number; empty: number; misfit: number }): boolean {
  // Fonts within a tenth of a pixel are the same size to the eye.
  if (Math.abs(a.font - b.font) > 0.1) return a.font > b.font;
  // Equal type (at the cap): a ribbon of a tile is worse than an empty place.
  if (Math.abs(a.misfit - b.misfit) > SHAPE_TOLERANCE) return a.misfit < b.misfit;
  if (a.empty !== b.empty) return a.empty < b.empty;
  return a.misfit < b.misfit;
}

/** How many em tall a tile must be to give its figures a label line (CPU, MEM) of their own. */
const LABELLED_EM_HEIGHT = TILE_EM_HEIGHT + 1;

/**
 * `roomy` tiles label their figures; `compact` ones leave the label to the unit ("12.3 %"
 * is CPU, "95.3 MiB" memory), so the sparklines keep their height.
 */
export function tileDensity(plan: TilePlan): 'roomy' | 'compact' {
  return plan.tileHeight / plan.fontPx >= LABELLED_EM_HEIGHT ? 'roomy' : 'compact';
}

/** The plan as the tile list's CSS custom properties (wall-page.module.css, wall-tile.module.css). */
export function planStyle(plan: TilePlan): Record<string, string | number> {
  return {
    '--wall-cols': plan.cols,
    '--wall-rows': plan.rows,
    '--wall-gap': `${plan.gapPx}px`,
    '--tile-fs': `${plan.fontPx}px`,
    '--tile-pad-x': `${TILE_FRAME_EM.padX}em`,
    '--tile-edge': `${TILE_FRAME_EM.edge}em`,
    '--tile-border': `${TILE_FRAME_EM.border}em`,
    '--metric-gap': `${TILE_FRAME_EM.metricGap}em`,
  };
}

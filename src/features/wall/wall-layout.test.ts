import { describe, expect, it } from 'vitest';
import { MAX_TILE_FONT_PX, MIN_TILE_FONT_PX, planTiles, screenScale, tileCapacity, tileDensity } from './wall-layout';
import type { WallArea } from './wall-layout';

// The tiles' area on a 1920×1080 wall (the header and the margins taken off), on a 4K
// screen at device pixel ratio 1, on a 1440×900 window, and on a portrait screen.
const FULL_HD: WallArea = { width: 1888, height: 994, scale: 1 };
const UHD: WallArea = { width: 3776, height: 1988, scale: 2 };
const LAPTOP: WallArea = { width: 1416, height: 822, scale: screenScale(1440, 900) };
const PORTRAIT: WallArea = { width: 1048, height: 1834, scale: screenScale(1080, 1920) };

describe('wall layout', () => {
  it('sets the type larger the fewer tiles share the screen', () => {
    const sizes = [1, 2, 5, 14, 21, 40].map((n) => planTiles(FULL_HD, n).fontPx);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1] ?? Infinity);
    expect(planTiles(FULL_HD, 5).fontPx).toBeGreaterThan(1.25 * planTiles(FULL_HD, 14).fontPx);
    expect(planTiles(FULL_HD, 14).fontPx).toBeGreaterThan(planTiles(FULL_HD, 40).fontPx + 8);
    expect(planTiles(FULL_HD, 1).fontPx).toBe(MAX_TILE_FONT_PX);
  });

  it('gives every tile on the screen a place, never below the smallest readable type', () => {
    for (const area of [FULL_HD, UHD, LAPTOP, PORTRAIT]) {
      const capacity = tileCapacity(area);
      for (let n = 1; n <= capacity.cols * capacity.rows; n++) {
        const plan = planTiles(area, n);
        expect(plan.cols * plan.rows).toBeGreaterThanOrEqual(n);
        expect(plan.fontPx).toBeGreaterThanOrEqual(MIN_TILE_FONT_PX * area.scale);
      }
    }
  });

  it('fits 40 tiles on a full-HD wall, and shows 100 a screenful at a time at the smallest readable type', () => {
    expect(planTiles(FULL_HD, 40)).toMatchObject({ cols: 8, rows: 5 });
    const hundred = planTiles(FULL_HD, 100);
    expect(hundred).toEqual(tileCapacity(FULL_HD));
    expect(hundred.cols * hundred.rows).toBeLessThan(100);
    expect(hundred.fontPx).toBeGreaterThanOrEqual(MIN_TILE_FONT_PX);
  });

  it('lays a 4K wall out like a full-HD one at twice the pixels: the room is as far away', () => {
    expect(screenScale(3840, 2160)).toBe(2);
    expect(screenScale(1920, 1080)).toBe(1);
    for (const n of [5, 14, 40, 100]) {
      const hd = planTiles(FULL_HD, n);
      const uhd = planTiles(UHD, n);
      expect([uhd.cols, uhd.rows]).toEqual([hd.cols, hd.rows]);
      expect(uhd.fontPx).toBeCloseTo(2 * hd.fontPx, 0);
    }
  });

  it('keeps each sparkline at least a third of its tile wide, at any count and screen', () => {
    for (const area of [FULL_HD, UHD, LAPTOP, PORTRAIT]) {
      for (let n = 1; n <= 120; n++) {
        const plan = planTiles(area, n);
        expect(plan.sparkWidth).toBeGreaterThanOrEqual(plan.tileWidth / 3);
      }
    }
  });

  it('lays a screen turned on its side out as the same screen: no ribbons of tiles', () => {
    expect(screenScale(1080, 1920)).toBe(1);
    const plan = planTiles(PORTRAIT, 7);
    expect(plan.cols).toBeGreaterThan(1);
    expect(plan.tileWidth / plan.tileHeight).toBeLessThan(2.5);
    // Two tiles on a wide screen side by side, not one above the other.
    expect(planTiles(FULL_HD, 2)).toMatchObject({ cols: 2, rows: 1 });
  });

  it('labels the figures only where a tile has the height for a label line', () => {
    expect(tileDensity(planTiles(FULL_HD, 5))).toBe('roomy');
    expect(tileDensity(planTiles(FULL_HD, 40))).toBe('compact');
  });

  it('falls back to a full-HD layout before the wall is measured', () => {
    expect(planTiles({ width: 0, height: 0, scale: 1 }, 14)).toEqual(planTiles({ width: 1888, height: 990, scale: 1 }, 14));
  });
});

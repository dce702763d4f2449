import { describe, expect, it } from 'vitest';
import { serviceJson } from '../../../test/app/fixtures';
import { buildScreens } from './wall-screens';
import { orderTiles, toWallTile } from './wall-tiles';

const tile = (grid: string, name: string, running = 1) => toWallTile(serviceJson({ grid, name, instances: 1, running }), undefined);

describe('wall screens', () => {
  const tiles = orderTiles([
    ...['a', 'b', 'c', 'd', 'e'].map((n) => tile('production', n)),
    tile('production', 'down', 0),
    ...['f', 'g', 'h'].map((n) => tile('staging', n)),
  ]);

  it('without rotation shows what fits and says how many are left off and how many of those have problems', () => {
    const [screen, ...rest] = buildScreens(tiles, { rotating: false, by: 'page', grids: ['production', 'staging'], pageSize: 4 });
    expect(rest).toEqual([]);
    expect(screen?.tiles.map((t) => t.name)).toEqual(['down', 'a', 'b', 'c']);
    expect(screen).toMatchObject({ hidden: 5, hiddenProblems: 0, page: 1, pages: 1 });
  });

  it('rotates through pages of the whole wall', () => {
    const screens = buildScreens(tiles, { rotating: true, by: 'page', grids: ['production', 'staging'], pageSize: 4 });
    expect(screens.map((s) => s.tiles.length)).toEqual([4, 4, 1]);
    expect(screens.map((s) => `${s.page}/${s.pages}`)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('rotates through grids, each in pages, in the URL’s grid order', () => {
    const screens = buildScreens(tiles, { rotating: true, by: 'grid', grids: ['staging', 'production'], pageSize: 4 });
    expect(screens.map((s) => `${s.grid} ${s.page}/${s.pages} ${s.tiles.map((t) => t.name).join('')}`)).toEqual([
      'staging 1/1 fgh',
      'production 1/2 downabc',
      'production 2/2 de',
    ]);
  });

  it('always has a screen, even with nothing to show', () => {
    expect(buildScreens([], { rotating: true, by: 'grid', grids: [], pageSize: 6 })).toHaveLength(1);
    expect(buildScreens([], { rotating: false, by: 'page', grids: ['x'], pageSize: 6 })[0]?.tiles).toEqual([]);
  });
});

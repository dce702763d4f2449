import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/schemas/node';
import { nodeCpuFigure, nodeMemFigure, orderNodeTiles, planNodeRow, toWallNodeTile } from './wall-nodes';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function node(name: string, connected: boolean, cpu: number | null, memUsed = 1 * GiB, memTotal = 4 * GiB): Node {
  return {
    id: `ID:${name}`,
    name,
    connected,
    last_seen_at: '2017-04-06T12:00:00.000Z',
    mem_total: memTotal,
    ...(cpu === null ? {} : { resource_usage: { cpu: { user: cpu, system: 0, nice: 0 }, memory: { total: memTotal, used: memUsed } } }),
  } as unknown as Node;
}

describe('wall node tiles', () => {
  it('are online, busy at 90 % CPU or memory, or offline', () => {
    expect(toWallNodeTile('g', node('a', true, 12.34))).toMatchObject({ id: 'g/a', tone: 'ok', busy: false });
    expect(toWallNodeTile('g', node('a', true, 91))).toMatchObject({ tone: 'warn', busy: true });
    expect(toWallNodeTile('g', node('a', true, 5, 3.7 * GiB, 4 * GiB))).toMatchObject({ tone: 'warn', busy: true });
    // Offline whatever its last figures said.
    expect(toWallNodeTile('g', node('a', false, 95))).toMatchObject({ tone: 'danger', connected: false });
  });

  it('stand offline first, then busy, then by grid and name in natural order', () => {
    const tiles = [
      toWallNodeTile('p', node('node-10', true, 1)),
      toWallNodeTile('p', node('node-9', true, 1)),
      toWallNodeTile('p', node('node-2', true, 95)),
      toWallNodeTile('a', node('node-3', false, null)),
      toWallNodeTile('a', node('node-1', true, 1)),
    ];
    expect(orderNodeTiles(tiles).map((t) => t.id)).toEqual(['a/node-3', 'p/node-2', 'a/node-1', 'p/node-9', 'p/node-10']);
  });

  it('say their figures with units, and “no data” without a sample', () => {
    const tile = toWallNodeTile('g', node('a', true, 12.34, 1.5 * GiB, 4 * GiB));
    expect(nodeCpuFigure(tile.load)).toBe('12.3 %');
    expect(nodeMemFigure(tile.load)).toBe('1.50 / 4.00 GiB');
    expect(nodeMemFigure(toWallNodeTile('g', node('a', true, 1, 512 * MiB, 4 * GiB)).load)).toBe('512 MiB / 4.00 GiB');
    const none = toWallNodeTile('g', node('a', true, null));
    expect(nodeCpuFigure(none.load)).toBe('no data');
    expect(nodeMemFigure(none.load)).toBe('no data');
  });
});

describe('node row plan', () => {
  it('shows every node when they fit, at the same type size at full HD and twice it at 4K', () => {
    const hd = planNodeRow(1888, 1, 3);
    expect(hd).toMatchObject({ shown: 3, fontPx: 18 });
    expect(hd.cols).toBeGreaterThanOrEqual(6);
    const uhd = planNodeRow(3776, 2, 3);
    expect(uhd).toMatchObject({ cols: hd.cols, shown: 3, fontPx: 36 });
  });

  it('keeps the last place for “N more” when they do not', () => {
    const plan = planNodeRow(1888, 1, 40);
    expect(plan.shown).toBe(plan.cols - 1);
    expect(plan.shown).toBeLessThan(40);
  });

  it('holds at least one place on the narrowest screen', () => {
    expect(planNodeRow(100, 1, 5)).toMatchObject({ cols: 1, shown: 0 });
    // Not measured: laid out for the reference screen.
    expect(planNodeRow(0, 1, 3)).toMatchObject({ shown: 3, fontPx: 18 });
    expect(planNodeRow(100, 1, 1)).toMatchObject({ cols: 1, shown: 1 });
  });
});

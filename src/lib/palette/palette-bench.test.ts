import { describe, expect, it } from 'vitest';
import { PALETTE_BENCH_QUERIES, runPaletteQueries, syntheticPaletteItems } from './palette-bench';

// Correctness of the bench's inputs only: the timing is `npm run bench`'s job.
describe('palette bench inputs', () => {
  it('are deterministic, with unique ids and every kind', () => {
    const items = syntheticPaletteItems(200, 60);
    expect(syntheticPaletteItems(200, 60)).toEqual(items);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['service', 'stack', 'node', 'secret', 'volume', 'page', 'action']));
  });

  it('run every query and find something', () => {
    expect(runPaletteQueries(syntheticPaletteItems(200, 60), PALETTE_BENCH_QUERIES, { currentGrid: 'prod' })).toBeGreaterThan(0);
  });
});

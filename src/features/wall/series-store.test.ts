import { describe, expect, it } from 'vitest';
import type { StatRow } from '../../api/schemas/stats';
import { lastFigures, SeriesStore, seriesValues, sumStats } from './series-store';

const MiB = 1024 * 1024;

function row(name: string, cpu: number | null, mem: number | null): StatRow {
  return {
    container_id: name,
    cpu: cpu === null ? null : { usage: cpu, limit: 1024, num_cores: 2 },
    memory: mem === null ? null : { usage: mem, limit: 512 * MiB },
    network: null,
  };
}

describe('per-service stats', () => {
  it('sums CPU and memory over the service’s containers', () => {
    expect(sumStats([row('api-1', 12.5, 100 * MiB), row('api-2', 7.5, 50 * MiB)])).toEqual({ cpu: 20, mem: 150 * MiB });
  });

  it('has no figure when no container reported one (not zero)', () => {
    expect(sumStats([])).toEqual({ cpu: null, mem: null });
    expect(sumStats([row('api-1', null, null), row('api-2', 3, null)])).toEqual({ cpu: 3, mem: null });
  });
});

describe('series store (ring buffers)', () => {
  it('keeps at most `capacity` samples per service, oldest dropped', () => {
    const store = new SeriesStore(5);
    for (let i = 1; i <= 12; i++) store.record('g/null/api', i * 10_000, [row('api-1', i, i * MiB)]);
    const ring = store.get('g/null/api');
    expect(ring?.size).toBe(5);
    expect(ring?.toArray().map((s) => s.cpu)).toEqual([8, 9, 10, 11, 12]);
  });

  it('ignores a sample that is not newer than the last one', () => {
    const store = new SeriesStore(5);
    expect(store.record('s', 1_000, [row('a', 1, 1)])).toBe(true);
    expect(store.record('s', 1_000, [row('a', 2, 2)])).toBe(false);
    expect(store.record('s', 900, [row('a', 3, 3)])).toBe(false);
    expect(
      store
        .get('s')
        ?.toArray()
        .map((s) => s.cpu),
    ).toEqual([1]);
  });

  it('drops the series of services no longer listed, and never holds more than maxSeries', () => {
    const store = new SeriesStore(3, 4);
    for (let i = 0; i < 10; i++) store.record(`svc-${i}`, 1_000, [row('a', i, i)]);
    expect(store.size).toBe(4);
    // The least recently fed went first.
    expect(store.get('svc-5')).toBeUndefined();
    expect(store.get('svc-9')).toBeDefined();
    store.retain(new Set(['svc-9', 'svc-7', 'gone']));
    expect(store.size).toBe(2);
  });

  it('stays the same size however long it is fed (24 h at 10 s)', () => {
    const store = new SeriesStore();
    for (let t = 1; t <= 8_640; t++) for (const id of ['a', 'b', 'c']) store.record(id, t * 10_000, [row('x', t % 100, t)]);
    expect(store.size).toBe(3);
    expect(store.get('a')?.size).toBe(36);
  });

  it('gives the values right-aligned, oldest first, with breaks as gaps', () => {
    const store = new SeriesStore(5);
    store.record('s', 10_000, [row('a', 1, 1 * MiB)]);
    store.record('s', 20_000, [row('a', 2, 2 * MiB)]);
    expect(seriesValues(store.get('s'), 'cpu', 5)).toEqual([null, null, null, 1, 2]);
    // A failed poll (or time off screen) breaks the line once, however often it is marked.
    store.gap('s', 30_000);
    store.gap('s', 40_000);
    store.record('s', 50_000, [row('a', 5, 5 * MiB)]);
    expect(seriesValues(store.get('s'), 'cpu', 5)).toEqual([null, 1, 2, null, 5]);
    expect(seriesValues(store.get('s'), 'mem', 3)).toEqual([2 * MiB, null, 5 * MiB]);
    // The figures shown next to the line are the newest known, not the break.
    store.gap('s', 60_000);
    expect(lastFigures(store.get('s'))).toMatchObject({ t: 50_000, cpu: 5 });
    expect(seriesValues(undefined, 'cpu', 3)).toEqual([null, null, null]);
    // No gap before the first sample: nothing to break.
    store.gap('none', 1);
    expect(store.get('none')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { NO_LOAD, memPercent, nodeLoad, sameLoad, silentMinutes } from './node-load';

const GiB = 1024 ** 3;

describe('nodeLoad', () => {
  it('reads CPU as user + system + nice and memory as the CLI does (used − cached − buffers)', () => {
    const load = nodeLoad({
      cpu: { num_cores: 2, user: 10, system: 5.5, nice: 0.04, idle: 84.46 },
      memory: { total: 4 * GiB, used: 3 * GiB, cached: 0.5 * GiB, buffers: 0.25 * GiB, free: GiB },
    });
    expect(load).toEqual({ cpuPercent: 15.5, memUsed: 2.25 * GiB, memTotal: 4 * GiB });
    expect(memPercent(load)).toBeCloseTo(56.25);
  });

  it('has nothing without a sample, but keeps the node’s own memory total', () => {
    expect(nodeLoad(undefined)).toBe(NO_LOAD);
    expect(nodeLoad(undefined, 2 * GiB)).toEqual({ cpuPercent: null, memUsed: null, memTotal: 2 * GiB });
    expect(memPercent(nodeLoad(undefined, 2 * GiB))).toBeNull();
  });

  it('takes what a partial or odd sample gives, within 0–100 %', () => {
    expect(nodeLoad({ cpu: { user: 'x' }, memory: {} }, GiB)).toEqual({ cpuPercent: null, memUsed: null, memTotal: GiB });
    expect(nodeLoad({ cpu: { user: 150 }, memory: { used: 10, cached: 20 } }).cpuPercent).toBe(100);
    expect(nodeLoad({ cpu: { user: 150 }, memory: { used: 10, cached: 20 } }).memUsed).toBe(0);
  });

  it('compares loads by value', () => {
    expect(sameLoad(nodeLoad({ cpu: { user: 1 } }), nodeLoad({ cpu: { user: 1 } }))).toBe(true);
    expect(sameLoad(nodeLoad({ cpu: { user: 1 } }), nodeLoad({ cpu: { user: 2 } }))).toBe(false);
  });
});

describe('silentMinutes', () => {
  const seen = '2017-04-06T12:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);
  it.each([
    [at('2017-04-06T12:00:20Z'), 1],
    [at('2017-04-06T12:04:59Z'), 4],
    [at('2017-04-06T13:00:00Z'), 60],
  ])('%s → %s min', (now, minutes) => expect(silentMinutes(seen, now)).toBe(minutes));

  it('is null for a node never seen or an unreadable time', () => {
    expect(silentMinutes(null, 0)).toBeNull();
    expect(silentMinutes('yesterday', 0)).toBeNull();
  });
});

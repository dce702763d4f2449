import { describe, expect, it } from 'vitest';
import type { MetricsPoint } from '../../api/schemas/stats';
import type { StatRow } from '../../api/schemas/stats';
import { instancesChartData, liveTailData, serviceChartData } from './chart-data';
import { LiveStats } from './live-stats';
import { parseStatsParams, writeStatsParams } from './stats-params';

const T0 = Date.UTC(2017, 3, 6, 11, 0);
const MIN = 60_000;
const MiB = 1024 * 1024;

function side(rxps: number, txps: number) {
  return { interfaces: ['eth0'], rx_bytes: 1000, rx_bytes_per_second: rxps, tx_bytes: 2000, tx_bytes_per_second: txps };
}

function minute(i: number, cpu: number): MetricsPoint {
  const ts = new Date(T0 + i * MIN).toISOString().slice(0, 16);
  return {
    timestamp: `${ts}:00.000+00:00`,
    cpu: { used: cpu, cores: 2 },
    memory: { used: 100 * MiB, total: 512 * MiB, free: 0, active: 0, inactive: 0, cached: 0, buffers: 0 },
    network: { internal: side(10, 20), external: side(1, 2) },
  };
}

function row(name: string, cpu: number | null, counter = 0): StatRow {
  return {
    container_id: name,
    cpu: cpu === null ? null : { usage: cpu, limit: 1024, num_cores: 2 },
    memory: cpu === null ? null : { usage: 64 * MiB, limit: 1.8446744073709552e19 },
    network: cpu === null ? null : { internal: { ...side(100, 50), rx_bytes: counter }, external: side(0, 0) },
  };
}

describe('service chart data', () => {
  it('draws a missing minute of metrics as a gap, never as a zero', () => {
    const history = [0, 1, 2, 5, 6].map((i) => minute(i, 10 + i));
    const data = serviceChartData('cpu', history, [], { from: T0, to: T0 + 10 * MIN }, 300);
    expect(data.rows.map((r) => r.s0)).toEqual([10, 11, 12, null, 15, 16]);
    expect(data.rows.some((r) => r.s0 === 0)).toBe(false);
  });

  it('sums network sides per second and continues the history with live totals', () => {
    const live = new LiveStats();
    live.push(T0 + 3 * MIN + 5_000, [row('web-1', 4, 1), row('web-2', 6, 1)]);
    live.push(T0 + 3 * MIN + 15_000, [row('web-1', 8, 2), row('web-2', null)]);
    const history = [0, 1, 2].map((i) => minute(i, 5));
    const rx = serviceChartData('rx', history, live.samples(), { from: T0, to: T0 + 4 * MIN }, 300);
    expect(rx.rows.map((r) => r.s0)).toEqual([11, 11, 11, 200, 100]);
    const cpu = serviceChartData('cpu', history, live.samples(), { from: T0, to: T0 + 4 * MIN }, 300);
    // CPU is the mean over the instances that report (the master's metrics rule).
    expect(cpu.rows.map((r) => r.s0)).toEqual([5, 5, 5, 5, 8]);
  });

  it('keeps at most the point budget from a day of minutes', () => {
    const history = Array.from({ length: 1440 }, (_, i) => minute(i, 10 + Math.sin(i / 20) * 5));
    const data = serviceChartData('cpu', history, [], { from: T0, to: T0 + 1440 * MIN }, 300);
    expect(data.sourceRows).toBe(1440);
    expect(data.rows.length).toBeLessThanOrEqual(300);
  });
});

describe('per-instance chart data', () => {
  it('has one series per charted instance, with a gap where an instance had no sample', () => {
    const live = new LiveStats();
    const t = (s: number) => T0 + s * 1000;
    live.push(t(0), [row('web-1', 1, 1), row('web-2', 2, 1)]);
    live.push(t(10), [row('web-1', 3, 2), row('web-2', null)]);
    live.push(t(20), [row('web-1', 5, 3), row('web-2', 6, 3)]);
    live.push(t(30), [row('web-1', 7, 4)]);
    const data = instancesChartData(
      'cpu',
      [
        { name: 'web-1', instance: 1, label: '#1', slot: 0 },
        { name: 'web-2', instance: 2, label: '#2', slot: 1 },
      ],
      live.samples(),
      { from: T0, to: t(60) },
      300,
    );
    expect(data.series.map((s) => s.label)).toEqual(['#1', '#2']);
    expect(data.rows.map((r) => [r.s0, r.s1])).toEqual([
      [1, 2],
      [3, null],
      [5, 6],
      [7, null],
    ]);
  });

  it('puts a gap where polling stopped (a hidden tab, an outage)', () => {
    const live = new LiveStats();
    for (let s = 0; s < 60; s += 10) live.push(T0 + s * 1000, [row('web-1', s, s)]);
    for (let s = 600; s < 660; s += 10) live.push(T0 + s * 1000, [row('web-1', s, s)]);
    const data = instancesChartData(
      'cpu',
      [{ name: 'web-1', instance: 1, label: '#1', slot: 0 }],
      live.samples(),
      { from: T0, to: T0 + 3_600_000 },
      300,
    );
    expect(data.rows.filter((r) => r.s0 === null)).toHaveLength(1);
    expect(data.rows).toHaveLength(13);
  });
});

describe('the live tail', () => {
  const web1 = [{ name: 'web-1', instance: 1, label: '#1', slot: 0 }];
  const t = (s: number) => T0 + s * 1000;

  it('continues the line from the chart’s last row with the samples since, in the same values', () => {
    const live = new LiveStats();
    for (let s = 0; s <= 40; s += 10) live.push(t(s), [row('web-1', s + 1, s), row('web-2', s + 3, s)]);
    const chart = serviceChartData('cpu', [], live.samples().slice(0, 3), { from: T0, to: t(60) }, 300);
    const last = chart.rows[chart.rows.length - 1];
    const tail = liveTailData('cpu', null, live.samples(), last, { from: T0, to: t(60) }, 300);
    expect(tail.rows.map((r) => [r.t, r.s0])).toEqual([
      [t(20), 22],
      [t(30), 32],
      [t(40), 42],
    ]);
    expect(tail.sourceRows).toBe(2);
    // Per instance: the same series keys as the chart's.
    const perInstance = liveTailData('cpu', web1, live.samples(), { t: t(20), s0: 21 }, { from: T0, to: t(60) }, 300);
    expect(perInstance.rows.map((r) => r.s0)).toEqual([21, 31, 41]);
  });

  it('is empty when no sample came since, and leaves out samples past the chart’s axis', () => {
    const live = new LiveStats();
    live.push(t(0), [row('web-1', 1, 1)]);
    live.push(t(90), [row('web-1', 2, 2)]);
    expect(liveTailData('cpu', web1, live.samples(), { t: t(0), s0: 1 }, { from: T0, to: t(60) }, 300).rows).toEqual([]);
    expect(liveTailData('cpu', web1, live.samples(), { t: t(90), s0: 2 }, { from: T0, to: t(120) }, 300).sourceRows).toBe(0);
  });

  it('breaks where polling stopped, and keeps to its point budget', () => {
    const live = new LiveStats();
    live.push(t(10), [row('web-1', 5, 1)]);
    for (let s = 600; s < 1200; s += 2) live.push(t(s), [row('web-1', s % 7, s)]);
    const tail = liveTailData('cpu', web1, live.samples(), { t: t(0), s0: 4 }, { from: T0, to: t(3600) }, 40);
    expect(tail.rows.length).toBeLessThanOrEqual(40);
    expect(tail.rows[0]).toEqual({ t: t(0), s0: 4 });
    // One gap, between t(10) and t(600): never a straight line across the outage.
    expect(tail.rows.filter((r) => r.s0 === null)).toHaveLength(1);
    expect(tail.rows[tail.rows.length - 1]?.t).toBe(t(1198));
  });
});

describe('live samples', () => {
  it('stores a poll only when its numbers changed, in a bounded buffer', () => {
    const live = new LiveStats(3);
    let notified = 0;
    live.subscribe(() => (notified += 1));
    expect(live.push(T0, [row('a-1', 1, 1)])).toBe(true);
    const snapshot = live.samples();
    expect(live.push(T0 + 2000, [row('a-1', 1, 1)])).toBe(false);
    expect(live.samples()).toBe(snapshot);
    for (let i = 2; i < 10; i++) live.push(T0 + i * 10_000, [row('a-1', i, i)]);
    expect(live.size).toBe(3);
    expect(live.samples().map((s) => s.stats[0]?.cpu)).toEqual([7, 8, 9]);
    expect(notified).toBe(9);
  });
});

describe('stats URL state', () => {
  it('reads defaults from an empty query and writes only what differs', () => {
    const params = parseStatsParams(new URLSearchParams());
    expect(params).toEqual({ window: { kind: '1h' }, view: 'service', chart: null, sort: 'cpu', order: 'desc' });
    expect(writeStatsParams(new URLSearchParams('tab=x'), params).toString()).toBe('tab=x');
  });

  it('round-trips a custom window, the chart choice and the sort', () => {
    const search = new URLSearchParams(
      'window=custom&from=2017-04-06T09:00:00.000Z&to=2017-04-06T10:00:00.000Z&view=instances&chart=3,1&sort=memory&order=asc',
    );
    const params = parseStatsParams(search);
    expect(params.window).toEqual({ kind: 'custom', from: Date.UTC(2017, 3, 6, 9), to: Date.UTC(2017, 3, 6, 10) });
    expect(params.chart).toEqual([3, 1]);
    expect(writeStatsParams(new URLSearchParams(), params).toString()).toBe(search.toString().replace('3,1', '3%2C1'));
  });

  it('falls back to the last hour for a broken or reversed custom window, and keeps "chart none"', () => {
    expect(parseStatsParams(new URLSearchParams('window=custom&from=x&to=y')).window).toEqual({ kind: '1h' });
    expect(parseStatsParams(new URLSearchParams('window=custom&from=2017-04-06T10:00Z&to=2017-04-06T09:00Z')).window).toEqual({
      kind: '1h',
    });
    expect(parseStatsParams(new URLSearchParams('window=2h')).window).toEqual({ kind: '1h' });
    expect(parseStatsParams(new URLSearchParams('chart=')).chart).toEqual([]);
    expect(parseStatsParams(new URLSearchParams('sort=bogus')).sort).toBe('cpu');
  });
});

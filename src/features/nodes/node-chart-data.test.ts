import { describe, expect, it } from 'vitest';
import type { NodeMetrics } from '../../api/nodes';
import { byteTicks, formatAxisBytes } from '../../lib/metrics-series';
import { nodeChartRows } from './node-chart-data';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

function point(minute: number, cpu: number): NodeMetrics['stats'][number] {
  const net = { interfaces: [], rx_bytes: 0, rx_bytes_per_second: 0, tx_bytes: 0, tx_bytes_per_second: 0 };
  return {
    timestamp: new Date(Date.UTC(2017, 3, 6, 12, minute)).toISOString(),
    cpu: { used: cpu, cores: 2 },
    memory: { used: 1, total: 2, free: 1, active: 0, inactive: 0, cached: 0, buffers: 0 },
    filesystem: { used: 3, total: 4 },
    network: { internal: net, external: net },
  };
}

describe('nodeChartRows', () => {
  it('makes one row a minute and a gap (nulls) where minutes are missing', () => {
    const rows = nodeChartRows([point(0, 10), point(1, 20), point(5, 30)], 300);
    expect(rows.map((r) => r.cpu)).toEqual([10, 20, null, 30]);
    expect(rows[0]).toMatchObject({ memUsed: 1, memTotal: 2, diskUsed: 3, diskTotal: 4 });
  });

  it('keeps at most the point budget', () => {
    const day = Array.from({ length: 1440 }, (_, i) => point(i, i % 50));
    expect(nodeChartRows(day, 300).length).toBeLessThanOrEqual(300);
  });
});

describe('byteTicks', () => {
  it.each([
    [18 * GIB, [0, 8, 16, 24].map((n) => n * GIB)],
    [112 * GIB, [0, 32, 64, 96, 128].map((n) => n * GIB)],
    [500 * MIB, [0, 128, 256, 384, 512].map((n) => n * MIB)],
    [0, [0, 1024]],
  ])('%d → round steps of a binary unit', (max, ticks) => {
    expect(byteTicks(max)).toEqual(ticks);
  });
});

describe('formatAxisBytes', () => {
  it.each([
    [0, '0 B'],
    [16 * GIB, '16 GiB'],
    [1.5 * GIB, '1.5 GiB'],
    [384 * MIB, '384 MiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatAxisBytes(bytes)).toBe(text);
  });
});

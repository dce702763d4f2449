import { describe, expect, it } from 'vitest';
import type { GridMetrics } from '../../api/grids';
import { MAX_POINTS, parseMetricsWindow as parseWindow } from '../../lib/metrics-series';
import { gridRows } from './grid-chart-data';

const side = (rate: number) => ({
  interfaces: ['eth0'],
  rx_bytes: 0,
  rx_bytes_per_second: rate,
  tx_bytes: 0,
  tx_bytes_per_second: rate * 2,
});

function metrics(minutes: readonly number[]): GridMetrics {
  const start = Date.parse('2017-04-06T14:00:00.000Z');
  return {
    from: '2017-04-06T14:00:00.000Z',
    to: '2017-04-06T15:00:00.000Z',
    stats: minutes.map((m) => ({
      timestamp: new Date(start + m * 60_000).toISOString(),
      cpu: { used: 10 + m, cores: 4 },
      memory: { used: 100, total: 1000, free: 900, active: 0, inactive: 0, cached: 0, buffers: 0 },
      filesystem: { used: 1, total: 10 },
      network: { internal: side(1), external: side(2) },
    })),
  };
}

describe('gridRows', () => {
  it('sums internal and external traffic and puts a gap (not a zero) where minutes are missing', () => {
    const rows = gridRows(metrics([0, 1, 5]));
    expect(rows.map((r) => r.cpu)).toEqual([10, 11, null, 15]);
    expect(rows[0]).toMatchObject({ rx: 3, tx: 6, memUsed: 100, memTotal: 1000 });
  });

  it('keeps at most the point budget of a day of minutes', () => {
    const day = Array.from({ length: 1440 }, (_, i) => i);
    expect(gridRows(metrics(day)).length).toBeLessThanOrEqual(MAX_POINTS);
  });

  it('reads the window from the URL, 1 h unless 6 h or 24 h', () => {
    expect(parseWindow('24h')).toBe('24h');
    expect(parseWindow('7d')).toBe('1h');
    expect(parseWindow(null)).toBe('1h');
  });
});

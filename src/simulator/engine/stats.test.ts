import { describe, expect, it } from 'vitest';
import { serviceMetrics, statRow, UNLIMITED_MEMORY, type StatContainer } from './stats';

const NOW = Date.UTC(2017, 3, 6, 15, 38, 17, 123);
const MIN = 60_000;
const HOUR = 3_600_000;

function container(overrides: Partial<StatContainer> = {}): StatContainer {
  return {
    key: '58e6a1b2c3d4e5f601234567',
    name: 'redis-1',
    image: 'redis:3.2-alpine',
    running: true,
    startedAtMs: NOW - 6 * HOUR,
    memoryLimit: null,
    cpuShares: null,
    cores: 2,
    ...overrides,
  };
}

const IMAGES = ['nginx:1.11-alpine', 'redis:3.2', 'postgres:9.6', 'kontena/lb:latest', 'acme/shop-api:1.4.2'];

describe('statRow', () => {
  it('is a deterministic function of seed, container and time', () => {
    const c = container();
    expect(statRow(c, 7, NOW)).toEqual(statRow({ ...c }, 7, NOW));
    expect(statRow(c, 7, NOW)).not.toEqual(statRow(c, 8, NOW));
    expect(statRow(c, 7, NOW)).not.toEqual(statRow(container({ key: 'another-container-record' }), 7, NOW));
    // Within one 10 s sample step the latest sample does not change.
    const stepStart = Math.floor(NOW / 10_000) * 10_000;
    expect(statRow(c, 7, stepStart + 9_999)).toEqual(statRow(c, 7, stepStart));
  });

  it('has the StatRow shape with the container name, cpu shares, cores and the unlimited memory sentinel', () => {
    const row = statRow(container(), 1, NOW);
    expect(Object.keys(row)).toEqual(['container_id', 'cpu', 'memory', 'network']);
    expect(row.container_id).toBe('redis-1');
    expect(row.cpu).toMatchObject({ limit: 1024, num_cores: 2 });
    expect(row.memory?.limit).toBe(1.8446744073709552e19);
    expect(row.memory?.limit).toBe(UNLIMITED_MEMORY);
    expect(row.network?.internal.interfaces).toEqual(['ethwe']);
    expect(row.network?.external.interfaces).toEqual(['eth0']);
    const limited = statRow(container({ memoryLimit: 256 * 1024 * 1024, cpuShares: 512, cores: 4 }), 1, NOW);
    expect(limited.cpu).toMatchObject({ limit: 512, num_cores: 4 });
    expect(limited.memory?.limit).toBe(256 * 1024 * 1024);
  });

  it('has no sample before the container started, in its first seconds, or when it is not running', () => {
    const empty = { cpu: null, memory: null, network: null };
    expect(statRow(container({ startedAtMs: NOW + MIN }), 1, NOW)).toEqual({ container_id: 'redis-1', ...empty });
    expect(statRow(container({ startedAtMs: NOW - 1 }), 1, NOW)).toMatchObject(empty);
    expect(statRow(container({ running: false }), 1, NOW)).toEqual({ container_id: 'redis-1', ...empty });
    expect(statRow(container({ startedAtMs: NOW - 20_000 }), 1, NOW).cpu).not.toBeNull();
  });

  it('keeps cpu within the cores and memory under the limit, for every kind of image over a day', () => {
    for (const image of IMAGES) {
      for (const cores of [1, 2, 8]) {
        for (const memoryLimit of [null, 64 * 1024 * 1024]) {
          const c = container({ image, cores, memoryLimit, key: `${image}-${cores}`, startedAtMs: NOW - 30 * 60 * HOUR });
          for (let t = NOW - 24 * HOUR; t <= NOW; t += 7 * MIN) {
            const row = statRow(c, 3, t);
            if (!row.cpu || !row.memory || !row.network) throw new Error('expected a sample');
            expect(row.cpu.usage).toBeGreaterThanOrEqual(0);
            expect(row.cpu.usage).toBeLessThanOrEqual(cores * 100);
            expect(row.memory.usage).toBeGreaterThan(0);
            expect(row.memory.usage).toBeLessThan(memoryLimit ?? 4 * 1024 * 1024 * 1024);
            for (const side of [row.network.internal, row.network.external]) {
              expect(side.rx_bytes_per_second).toBeGreaterThanOrEqual(0);
              expect(side.tx_bytes_per_second).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }
    }
  });

  it('moves: cpu and memory vary between samples, as a live chart expects', () => {
    const c = container({ image: 'acme/shop-api:1.4.2' });
    const cpus = new Set<number>();
    const memories = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const row = statRow(c, 1, NOW + i * 10_000);
      cpus.add(row.cpu?.usage ?? -1);
      memories.add(row.memory?.usage ?? -1);
    }
    expect(cpus.size).toBeGreaterThan(10);
    expect(memories.size).toBeGreaterThan(10);
  });

  it('grows the byte counters monotonically from the start, and the rates match their growth', () => {
    for (const image of IMAGES) {
      const start = NOW - 2 * HOUR + 3_456;
      const c = container({ image, startedAtMs: start, key: `k-${image}` });
      let previous: ReturnType<typeof statRow> | null = null;
      for (let t = Math.ceil(start / 10_000) * 10_000; t <= NOW; t += 10_000) {
        const row = statRow(c, 11, t);
        const net = row.network;
        if (!net) throw new Error('expected a sample');
        if (previous?.network) {
          const before = previous.network;
          for (const [now, then] of [
            [net.internal, before.internal],
            [net.external, before.external],
          ] as const) {
            expect(now.rx_bytes).toBeGreaterThanOrEqual(then.rx_bytes);
            expect(now.tx_bytes).toBeGreaterThanOrEqual(then.tx_bytes);
            expect(now.rx_bytes_per_second).toBeCloseTo((now.rx_bytes - then.rx_bytes) / 10, 1);
            expect(now.tx_bytes_per_second).toBeCloseTo((now.tx_bytes - then.tx_bytes) / 10, 1);
          }
        }
        previous = row;
      }
      // Two hours of traffic add up to something.
      expect((previous?.network?.internal.rx_bytes ?? 0) + (previous?.network?.external.tx_bytes ?? 0)).toBeGreaterThan(10_000);
    }
  });

  it('restarts the counters from zero when the container restarts', () => {
    const long = statRow(container({ startedAtMs: NOW - 24 * HOUR }), 1, NOW);
    const fresh = statRow(container({ startedAtMs: NOW - 60_000 }), 1, NOW);
    expect(fresh.network?.internal.rx_bytes ?? Infinity).toBeLessThan(long.network?.internal.rx_bytes ?? 0);
  });

  it('computes 2,000 rows (the stats of a big service) without trouble', () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      statRow(container({ key: `c${i}`, name: `web-${i + 1}`, image: IMAGES[i % IMAGES.length] }), 1, NOW),
    );
    expect(rows).toHaveLength(2000);
    expect(rows.every((r) => r.cpu !== null && r.memory !== null && r.network !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.cpu?.usage)).size).toBeGreaterThan(100);
  });
});

describe('serviceMetrics', () => {
  const a = container({ key: 'aaa', name: 'web-1', image: 'nginx:1.11', memoryLimit: 512 * 1024 * 1024, cores: 2 });
  const b = container({ key: 'bbb', name: 'web-2', image: 'nginx:1.11', memoryLimit: 256 * 1024 * 1024, cores: 4 });

  /** The mean of a container's six samples in the minute starting at `minute`, read through statRow. */
  function minuteMean(c: StatContainer, minute: number, pick: (r: ReturnType<typeof statRow>) => number): number {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += pick(statRow(c, 5, minute + k * 10_000));
    return sum / 6;
  }

  it('gives one entry per minute, ascending, with "+00:00" minute timestamps', () => {
    const to = Date.UTC(2017, 3, 6, 15, 0, 30);
    const from = to - HOUR;
    const stats = serviceMetrics([a, b], 5, from, to);
    expect(stats).toHaveLength(61);
    expect(stats[0]?.timestamp).toBe('2017-04-06T14:00:00.000+00:00');
    expect(stats[60]?.timestamp).toBe('2017-04-06T15:00:00.000+00:00');
    for (const entry of stats) expect(entry.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000\+00:00$/);
    const times = stats.map((s) => Date.parse(s.timestamp));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(Object.keys(stats[0] ?? {})).toEqual(['timestamp', 'cpu', 'memory', 'network']);
  });

  it('aggregates like the master: mean cpu, summed memory and network, cores and interfaces of the first container', () => {
    const minute = Date.UTC(2017, 3, 6, 15, 10, 0);
    const [entry] = serviceMetrics([a, b], 5, minute, minute + 59_999);
    if (!entry) throw new Error('expected an entry');
    const cpuA = minuteMean(a, minute, (r) => r.cpu?.usage ?? 0);
    const cpuB = minuteMean(b, minute, (r) => r.cpu?.usage ?? 0);
    expect(entry.cpu.used).toBeCloseTo(Math.round(((cpuA + cpuB) / 2) * 100) / 100, 2);
    expect(entry.cpu.cores).toBe(2);
    const memory = minuteMean(a, minute, (r) => r.memory?.usage ?? 0) + minuteMean(b, minute, (r) => r.memory?.usage ?? 0);
    expect(entry.memory.used).toBeCloseTo(memory, 0);
    expect(entry.memory).toMatchObject({ total: 768 * 1024 * 1024, free: 0, active: 0, inactive: 0, cached: 0, buffers: 0 });
    const rx =
      minuteMean(a, minute, (r) => r.network?.external.rx_bytes ?? 0) + minuteMean(b, minute, (r) => r.network?.external.rx_bytes ?? 0);
    expect(entry.network.external.rx_bytes).toBeCloseTo(rx, 0);
    const txRate =
      minuteMean(a, minute, (r) => r.network?.internal.tx_bytes_per_second ?? 0) +
      minuteMean(b, minute, (r) => r.network?.internal.tx_bytes_per_second ?? 0);
    expect(entry.network.internal.tx_bytes_per_second).toBeCloseTo(txRate, 1);
    expect(entry.network.internal.interfaces).toEqual(['ethwe']);
    expect(entry.network.external.interfaces).toEqual(['eth0']);
    expect(serviceMetrics([b, a], 5, minute, minute + 59_999)[0]?.cpu.cores).toBe(4);
  });

  it('has no entries before a container started or after now, and none for a stopped container without a stop time', () => {
    const started = Date.UTC(2017, 3, 6, 15, 20, 30);
    const c = container({ startedAtMs: started });
    const stats = serviceMetrics([c], 1, started - 30 * MIN, started + 10 * MIN, started + 5 * MIN);
    expect(stats[0]?.timestamp).toBe('2017-04-06T15:20:00.000+00:00');
    expect(stats[stats.length - 1]?.timestamp).toBe('2017-04-06T15:25:00.000+00:00');
    expect(serviceMetrics([container({ running: false })], 1, NOW - HOUR, NOW)).toEqual([]);
    expect(serviceMetrics([], 1, NOW - HOUR, NOW)).toEqual([]);
  });

  it('counts a stopped container up to its stop time', () => {
    const stopped = container({ running: false, startedAtMs: NOW - 3 * HOUR, finishedAtMs: Date.UTC(2017, 3, 6, 15, 0, 0) });
    const stats = serviceMetrics([stopped], 1, Date.UTC(2017, 3, 6, 14, 50, 0), NOW);
    expect(stats).toHaveLength(11);
    expect(stats[stats.length - 1]?.timestamp).toBe('2017-04-06T15:00:00.000+00:00');
  });

  it('sums the unlimited sentinel into total like the master does', () => {
    const minute = Date.UTC(2017, 3, 6, 15, 10, 0);
    const [entry] = serviceMetrics([container({ key: 'x' }), container({ key: 'y' })], 1, minute, minute + 59_999);
    expect(entry?.memory.total).toBe(2 * UNLIMITED_MEMORY);
  });

  it('is deterministic', () => {
    expect(serviceMetrics([a, b], 9, NOW - HOUR, NOW)).toEqual(serviceMetrics([a, b], 9, NOW - HOUR, NOW));
  });
});

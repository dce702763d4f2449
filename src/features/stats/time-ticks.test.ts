import { describe, expect, it } from 'vitest';
import { formatHourMinute, formatTimeOfDay, usesTwelveHourClock } from '../../lib/clock-format';
import { binaryTicks, formatMoment, formatTick, timeTicks, trimZeros } from './time-ticks';

const MiB = 1024 * 1024;

describe('axis ticks', () => {
  it('puts time ticks on round minutes, at most the number asked for', () => {
    const from = Date.UTC(2017, 3, 6, 11, 34, 30);
    const ticks = timeTicks(from, from + 3_600_000, 6);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.every((t) => t % (10 * 60_000) === 0 || new Date(t).getTimezoneOffset() % 10 !== 0)).toBe(true);
    expect(ticks[0]).toBeGreaterThanOrEqual(from);
    expect(timeTicks(5, 5)).toEqual([]);
  });

  it('steps bytes by powers of two', () => {
    expect(binaryTicks(1.03 * 1024 * MiB)).toEqual([0, 256, 512, 768, 1024, 1280].map((m) => m * MiB));
    expect(binaryTicks(0)).toBeUndefined();
  });

  it('drops trailing zeros from axis labels', () => {
    expect(trimZeros('1.00 GiB')).toBe('1 GiB');
    expect(trimZeros('1.50 GiB')).toBe('1.5 GiB');
    expect(trimZeros('12.3 KB/s')).toBe('12.3 KB/s');
    expect(trimZeros('300 MiB')).toBe('300 MiB');
  });

  it('labels time ticks and the tooltip in the locale’s clock, as every other time in the app (no forced 24-hour axis)', () => {
    const at = new Date(2017, 3, 6, 14, 30, 5).getTime();
    expect(formatTick(at, 3_600_000)).toBe(formatHourMinute(at));
    expect(formatMoment(at, 3_600_000)).toBe(formatTimeOfDay(at));
    expect(/PM/.test(formatTick(at, 3_600_000))).toBe(usesTwelveHourClock());
  });
});

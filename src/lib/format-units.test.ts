import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDecimalBytes,
  formatMemoryLimit,
  formatPercent,
  formatRate,
  isUnlimitedMemory,
  memoryPercent,
  UNLIMITED_MEMORY_SENTINELS,
} from './format-units';

const MiB = 1024 * 1024;

describe('unlimited memory', () => {
  it.each([
    [1.8446744073709552e19, true],
    [9.223372036854772e18, true],
    [9223372036854771712, true],
    [null, true],
    [undefined, true],
    [0, true],
    [Number.NaN, true],
    [256 * MiB, false],
    [64 * 1024 ** 4, false],
  ])('%s → unlimited: %s', (limit, unlimited) => {
    expect(isUnlimitedMemory(limit)).toBe(unlimited);
  });

  it('shows the sentinels as "unlimited" and real limits in binary units', () => {
    for (const s of UNLIMITED_MEMORY_SENTINELS) expect(formatMemoryLimit(s)).toBe('unlimited');
    expect(formatMemoryLimit(256 * MiB)).toBe('256 MiB');
    expect(formatMemoryLimit(1536 * MiB)).toBe('1.50 GiB');
  });

  it('has no MEM % against an unlimited limit', () => {
    expect(memoryPercent(128 * MiB, 256 * MiB)).toBe(50);
    expect(memoryPercent(128 * MiB, 1.8446744073709552e19)).toBeNull();
    expect(memoryPercent(null, 256 * MiB)).toBeNull();
  });
});

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.00 KiB'],
    [12.5 * MiB, '12.5 MiB'],
    [300 * MiB, '300 MiB'],
    [3 * 1024 * MiB, '3.00 GiB'],
  ])('memory %s → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [999, '999 B'],
    [1000, '1.00 KB'],
    [1_234_567, '1.23 MB'],
    [45_600_000_000, '45.6 GB'],
  ])('network total %s → %s', (bytes, text) => {
    expect(formatDecimalBytes(bytes)).toBe(text);
  });

  it('formats rates and percentages with their unit, and missing values as N/A', () => {
    expect(formatRate(12_345)).toBe('12.3 KB/s');
    expect(formatRate(512)).toBe('512 B/s');
    expect(formatRate(null)).toBe('N/A');
    expect(formatPercent(12.345)).toBe('12.3 %');
    expect(formatPercent(150.7)).toBe('151 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(null)).toBe('N/A');
    expect(formatBytes(undefined)).toBe('N/A');
    expect(formatDecimalBytes(Number.POSITIVE_INFINITY)).toBe('N/A');
  });
});

import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration } from './relative-time';

const NOW = Date.UTC(2017, 3, 6, 12, 0, 0);

describe('formatAgo', () => {
  it.each([
    [0, 'just now'],
    [-5_000, 'just now'],
    [999, 'just now'],
    [1_000, '1 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [59 * 60_000, '59 min ago'],
    [60 * 60_000, '1 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [48 * 3_600_000, '2 d ago'],
    [400 * 86_400_000, '400 d ago'],
  ])('%i ms before now → %s', (age, text) => {
    expect(formatAgo(NOW - age, NOW)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [-1, '0 s'],
    [0, '0 s'],
    [4_900, '4 s'],
    [65_000, '1 min 05 s'],
    [3_600_000 + 2 * 60_000, '1 h 02 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { formatAge, formatDateTime } from './format-date-time';

describe('formatDateTime', () => {
  it('writes local time as YYYY-MM-DD HH:MM:SS', () => {
    const date = new Date(2017, 3, 6, 9, 5, 7);
    expect(formatDateTime(date.toISOString())).toBe('2017-04-06 09:05:07');
  });
  it('returns an unparsable value unchanged', () => {
    expect(formatDateTime('yesterday-ish')).toBe('yesterday-ish');
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [-5_000, 'just now'],
    [42_000, '42 s ago'],
    [5 * 60_000 + 10, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [12 * 86_400_000, '12 d ago'],
  ])('%i ms → %s', (elapsed, text) => {
    expect(formatAge(1_000_000_000_000, 1_000_000_000_000 + elapsed)).toBe(text);
  });
  it('reads an unparsable time as just now, not “NaN d ago”', () => {
    expect(formatAge(Date.parse('not a time'), 1_000_000_000_000)).toBe('just now');
  });
});

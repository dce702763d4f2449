import { describe, expect, it } from 'vitest';
import { formatTimeOfDay } from './clock-format';
import { formatClockTime } from './format-time';

describe('formatClockTime', () => {
  it('reads as the locale writes a time of day, hours to seconds, in the app’s one clock', () => {
    const at = new Date(2017, 3, 6, 14, 3, 7).getTime();
    expect(formatClockTime(at)).toBe(formatTimeOfDay(at));
    expect(formatClockTime(at)).toMatch(/03.*07/);
  });

  it('an unknown time says so instead of throwing', () => {
    expect(formatClockTime(Number.NaN)).toBe('Invalid Date');
  });
});

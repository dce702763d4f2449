import { describe, expect, it } from 'vitest';
import {
  formatChartTime,
  formatExactDateTime,
  formatHourMinute,
  formatMonthDay,
  formatTableDateTime,
  formatTimeOfDay,
  formatTimeOfDayMs,
  usesTwelveHourClock,
} from './clock-format';
import { formatClockTime } from './format-time';
import { formatExactTime } from './relative-time';

const afternoon = new Date(2017, 3, 6, 14, 3, 7).getTime();
const morning = new Date(2017, 3, 6, 9, 5, 7).getTime();
const HOUR = 3_600_000;

/** Every place a time of day is written, for one locale. */
function everyFormat(at: number, locale: string): string[] {
  return [
    formatHourMinute(at, locale),
    formatTimeOfDay(at, locale),
    formatTableDateTime(new Date(at).toISOString(), locale),
    formatExactDateTime(at, locale),
    formatChartTime(at, HOUR, false, locale),
    formatChartTime(at, HOUR, true, locale),
    formatChartTime(at, 3 * 24 * HOUR, false, locale),
  ];
}

describe('one clock for every time the app writes', () => {
  it.each([
    ['en-US', true],
    ['en-GB', false],
    ['de-DE', false],
    ['ja-JP', false],
  ])('%s: 12-hour clock is %s', (locale, twelve) => {
    expect(usesTwelveHourClock(locale)).toBe(twelve);
  });

  it.each([
    [
      'en-US',
      ['02:03 PM', '02:03:07 PM', '2017-04-06 02:03:07 PM', 'Apr 6, 2017, 02:03:07 PM', '02:03 PM', '02:03:07 PM', 'Apr 6 02:03 PM'],
    ],
    ['en-GB', ['14:03', '14:03:07', '2017-04-06 14:03:07', '6 Apr 2017, 14:03:07', '14:03', '14:03:07', '6 Apr 14:03']],
    ['de-DE', ['14:03', '14:03:07', '2017-04-06 14:03:07', '6. Apr. 2017, 14:03:07', '14:03', '14:03:07', '6. Apr. 14:03']],
  ])('%s writes 14:03:07 the same way everywhere', (locale, expected) => {
    expect(everyFormat(afternoon, locale).map((text) => text.replace(/\u202f|\u00a0/g, ' '))).toEqual(expected);
  });

  it.each([
    ['en-US', '09:05 AM', '09:05:07 AM'],
    ['en-GB', '09:05', '09:05:07'],
    ['de-DE', '09:05', '09:05:07'],
  ])('%s: a morning time reads %s', (locale, hm, hms) => {
    expect(formatHourMinute(morning, locale).replace(/\u202f/g, ' ')).toBe(hm);
    expect(formatTimeOfDay(morning, locale).replace(/\u202f/g, ' ')).toBe(hms);
  });

  it('no format mixes clocks: in a 12-hour locale every time has AM/PM, in a 24-hour one none has', () => {
    for (const at of [morning, afternoon]) {
      expect(everyFormat(at, 'en-US').every((text) => /[AP]M/.test(text))).toBe(true);
      expect(everyFormat(at, 'en-GB').some((text) => /[AP]M/i.test(text))).toBe(false);
    }
  });

  it('the older helpers (“updated at” notes, hover times) write the same clock', () => {
    const twelve = usesTwelveHourClock();
    for (const text of [formatClockTime(afternoon), formatExactTime(afternoon), formatTableDateTime(new Date(afternoon).toISOString())]) {
      expect(/PM/.test(text)).toBe(twelve);
    }
    expect(formatClockTime(afternoon)).toBe(formatTimeOfDay(afternoon));
  });

  it.each([
    ['en-US', '02:03:07.042 PM'],
    ['en-GB', '14:03:07.042'],
  ])('%s: a log line’s time to the millisecond reads %s', (locale, text) => {
    expect(formatTimeOfDayMs(afternoon + 42, locale).replace(/\u202f/g, ' ')).toBe(text);
  });

  it('the day goes in front only when a chart spans more than a day', () => {
    expect(formatChartTime(afternoon, 24 * HOUR, false, 'en-GB')).toBe('14:03');
    expect(formatChartTime(afternoon, 25 * HOUR, false, 'en-GB')).toBe(`${formatMonthDay(afternoon, 'en-GB')} 14:03`);
  });

  it('an unknown time says so instead of throwing, and an unparsable table value is kept', () => {
    expect(formatHourMinute(Number.NaN)).toBe('Invalid Date');
    expect(formatTimeOfDay(Number.POSITIVE_INFINITY)).toBe('Invalid Date');
    expect(formatExactDateTime(Number.NaN)).toBe('Invalid Date');
    expect(formatTableDateTime('yesterday-ish')).toBe('yesterday-ish');
  });
});

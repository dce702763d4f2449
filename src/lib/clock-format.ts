/**
 * Every time of day the dashboard writes — tables, chart axes and tooltips, the wall's
 * clock, "updated at" notes — in one clock: the browser's locale's (12-hour with AM/PM in
 * en-US, 24-hour in en-GB or de-DE). No format here forces a clock of its own, so a
 * "02:03 PM" on the wall never sits beside a "14:03" on an axis.
 *
 * Formatters are built once per locale and shape: building one is what makes
 * Date#toLocaleTimeString slow when a list or a live chart calls it per item.
 * `locale` is for tests; the app always passes nothing (the browser's locale).
 */

type Locale = string | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, shape: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${shape}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Whether the locale writes times on a 12-hour clock (en-US: "2:03 PM") or a 24-hour one (en-GB: "14:03"). */
export function usesTwelveHourClock(locale?: string): boolean {
  const cycle = formatter(locale, 'probe', { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

/** How a clock of the locale is written, for code that writes times itself (a log tail, per line). */
export interface ClockStyle {
  twelveHour: boolean;
  /** The locale's "AM" and "PM" (en-US), or "a.m."/"p.m."… */
  am: string;
  pm: string;
}

const styles = new Map<string, ClockStyle>();

export function clockStyle(locale?: string): ClockStyle {
  const key = locale ?? '';
  let style = styles.get(key);
  if (style === undefined) {
    const period = (hour: number): string =>
      formatter(locale, 'period', { hour: 'numeric', hour12: true })
        .formatToParts(new Date(2017, 3, 6, hour))
        .find((part) => part.type === 'dayPeriod')?.value ?? (hour < 12 ? 'AM' : 'PM');
    style = { twelveHour: usesTwelveHourClock(locale), am: period(9), pm: period(21) };
    styles.set(key, style);
  }
  return style;
}

// Two-digit hours on either clock ("09:05 AM", "09:05"): times in a column line up, and a
// clock that ticks does not change width at 10 o'clock.
const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const HOUR_MINUTE_SECOND: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };

function valid(epochMs: number): boolean {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15;
}

/** "14:03" / "02:03 PM": the wall's clock, axis ticks. An invalid time reads "Invalid Date" (Intl would throw). */
export function formatHourMinute(epochMs: number, locale?: string): string {
  if (!valid(epochMs)) return 'Invalid Date';
  return formatter(locale, 'hm', HOUR_MINUTE).format(epochMs);
}

/** "14:03:07" / "02:03:07 PM": "updated at" notes, tooltips. */
export function formatTimeOfDay(epochMs: number, locale?: string): string {
  if (!valid(epochMs)) return 'Invalid Date';
  return formatter(locale, 'hms', HOUR_MINUTE_SECOND).format(epochMs);
}

/** "14:03:07.042" / "02:03:07.042 PM": a log line's time, to the millisecond. */
export function formatTimeOfDayMs(epochMs: number, locale?: string): string {
  if (!valid(epochMs)) return 'Invalid Date';
  return formatter(locale, 'hmsms', { ...HOUR_MINUTE_SECOND, fractionalSecondDigits: 3 }).format(epochMs);
}

/** "Apr 6" / "6 Apr": the day in front of a time when a chart spans days. */
export function formatMonthDay(epochMs: number, locale?: string): string {
  if (!valid(epochMs)) return 'Invalid Date';
  return formatter(locale, 'md', { month: 'short', day: 'numeric' }).format(epochMs);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "2017-04-06 14:03:07" / "2017-04-06 02:03:07 PM" in local time, for tables: the date
 * stays year-month-day (sortable, the same in every locale), the time is the locale's.
 * An unparsable value is returned as is.
 */
export function formatTableDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  const ms = date.getTime();
  if (!valid(ms)) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatTimeOfDay(ms, locale)}`;
}

/** "Apr 6, 2017, 02:03:07 PM" / "6 Apr 2017, 14:03:07": the exact time on hover. */
export function formatExactDateTime(epochMs: number, locale?: string): string {
  if (!valid(epochMs)) return 'Invalid Date';
  return formatter(locale, 'exact', { year: 'numeric', month: 'short', day: 'numeric', ...HOUR_MINUTE_SECOND }).format(epochMs);
}

/** A chart's time label: the time of day, with the day in front when the chart spans more than a day. */
export function formatChartTime(epochMs: number, spanMs: number, withSeconds: boolean, locale?: string): string {
  const time = withSeconds ? formatTimeOfDay(epochMs, locale) : formatHourMinute(epochMs, locale);
  return spanMs <= DAY_MS ? time : `${formatMonthDay(epochMs, locale)} ${time}`;
}

import { formatHourMinute as formatLocaleHourMinute } from '../../lib/clock-format';

/**
 * "14:05" (or "2:05 PM") in the user's locale: the wall's clock and the times it states
 * ("connection lost since 14:02"), in the same clock as every other time in the app.
 */
export function formatHourMinute(epochMs: number): string {
  return formatLocaleHourMinute(epochMs);
}

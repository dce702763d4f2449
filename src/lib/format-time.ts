import { formatTimeOfDay } from './clock-format';

/**
 * "14:03:07" (or "2:03:07 PM") in the user's locale, for "last updated" notes: the one
 * clock of src/lib/clock-format.ts.
 */
export function formatClockTime(epochMs: number): string {
  return formatTimeOfDay(epochMs);
}

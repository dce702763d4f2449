import { formatAgo } from './relative-time';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "2017-04-06 14:03:07" in local time on a 24-hour clock whatever the locale: the value a
 * datetime-local input takes (with "T" for the space). What a user reads goes through
 * formatTableDateTime (src/lib/clock-format.ts), in the locale's clock. An unparsable
 * value is returned as is.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** `formatAgo` ("42 s ago", "just now" for a time in the future), where an unparsable time (NaN) also reads "just now". */
export function formatAge(thenMs: number, nowMs: number): string {
  return Number.isFinite(nowMs - thenMs) ? formatAgo(thenMs, nowMs) : 'just now';
}

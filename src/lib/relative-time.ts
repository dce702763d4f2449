import { formatExactDateTime } from './clock-format';

/**
 * "12 s ago", "3 min ago", "2 h ago", "5 d ago": how long ago something happened, in
 * the coarsest unit that still says something. A time in the future (clock skew between
 * the browser and the master) reads as "just now" rather than a negative age.
 */
export function formatAgo(thenMs: number, nowMs: number): string {
  const seconds = Math.floor((nowMs - thenMs) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** "4 s", "1 min 05 s", "1 h 02 min": a duration as a deploy's elapsed time. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes < 60) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "Apr 6, 2017, 2:03:07 PM" (or "6 Apr 2017, 14:03:07") in the user's locale, for the exact time on hover. */
export function formatExactTime(epochMs: number): string {
  return formatExactDateTime(epochMs);
}

import { formatAgo } from '../../lib/relative-time';
import { formatClockTime } from '../../lib/format-time';
import { formatHourMinute } from './clock-time';
import { useNow } from '../../components/use-now';

/** "updated 8 s ago", re-read every second on the page's one 1 s timer (only this text re-renders). */
export function DataAge({ since }: { since: number }) {
  const now = useNow(1_000);
  if (since <= 0) return <span>no data yet</span>;
  return (
    <span title={`Data received at ${formatClockTime(since)}`}>
      <span className="visually-hidden">updated </span>
      <time dateTime={new Date(since).toISOString()}>{formatAgo(since, Math.max(now, since))}</time>
    </span>
  );
}

/** "14:05", the wall's clock in the header. */
export function WallClock({ className }: { className?: string }) {
  const now = useNow(1_000);
  return (
    <time className={className} dateTime={new Date(now).toISOString()}>
      {formatHourMinute(now)}
    </time>
  );
}

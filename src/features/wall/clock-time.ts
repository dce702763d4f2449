/**
 * "14:05" in the user's locale: the wall's clock and the times it states ("connection
 * lost since 14:02"). One formatter, made once: Date#toLocaleTimeString builds a new one
 * on every call, and the header clock calls it every second for as long as the wall runs.
 */
let hourMinute: Intl.DateTimeFormat | null = null;

export function formatHourMinute(epochMs: number): string {
  hourMinute ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  return hourMinute.format(epochMs);
}

let clock: Intl.DateTimeFormat | null = null;

/**
 * "14:03:07" in the user's locale, for "last updated" notes. One formatter, made on first
 * use: building one per call is what makes toLocaleTimeString slow in a list of tiles.
 */
export function formatClockTime(epochMs: number): string {
  // An invalid time reads as Date's own "Invalid Date" (Intl would throw).
  if (!Number.isFinite(epochMs)) return 'Invalid Date';
  clock ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return clock.format(epochMs);
}

/**
 * The palette's recent items: ids only, most recent first, bounded. The app keeps them in
 * localStorage, so what comes back is validated: anything but a JSON array of short
 * strings reads as an empty list rather than breaking the palette.
 */

/** How many recent ids are kept. */
export const RECENTS_LIMIT = 20;

/** Longer strings are not ids of ours (and a value pasted by mistake should not stick). */
const MAX_ID_LENGTH = 512;

/** Returns a new list with `id` first, any earlier copy removed, at most `limit` long. */
export function pushRecent(recents: readonly string[], id: string, limit: number = RECENTS_LIMIT): string[] {
  const next = [id];
  for (const existing of recents) {
    if (next.length >= limit) break;
    if (existing !== id) next.push(existing);
  }
  return next;
}

/** Returns a new list without `id` (an item that no longer exists). */
export function removeRecent(recents: readonly string[], id: string): string[] {
  return recents.filter((existing) => existing !== id);
}

export function serializeRecents(recents: readonly string[]): string {
  return JSON.stringify(recents.slice(0, RECENTS_LIMIT));
}

/**
 * Reads what `serializeRecents` wrote. Non-strings, empty or over-long strings and
 * duplicates are dropped; unparsable input, `null` (nothing stored) or a non-array
 * gives an empty list.
 */
export function parseRecents(stored: string | null | undefined): string[] {
  if (typeof stored !== 'string' || stored === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of value as unknown[]) {
    if (out.length >= RECENTS_LIMIT) break;
    if (typeof entry !== 'string' || entry === '' || entry.length > MAX_ID_LENGTH || seen.has(entry)) continue;
    seen.add(entry);
    out.push(entry);
  }
  return out;
}

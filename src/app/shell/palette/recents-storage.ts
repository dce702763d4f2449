/** The palette's recents in localStorage: ids only, through the library's (validating) serializer. */
import { parseRecents, serializeRecents } from '../../../lib/palette/recents';

const RECENTS_KEY = 'kontena-dashboard.palette-recents';

export function loadRecents(): string[] {
  try {
    return parseRecents(localStorage.getItem(RECENTS_KEY));
  } catch {
    return []; // storage blocked: the palette works without recents
  }
}

export function saveRecents(recents: readonly string[]): void {
  try {
    localStorage.setItem(RECENTS_KEY, serializeRecents(recents));
  } catch {
    // storage full or blocked: recents are a convenience, not worth an error
  }
}

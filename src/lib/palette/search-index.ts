/**
 * The palette's index: each item's texts lowercased once, with a bitmask of the characters
 * they hold, so a keystroke scores only the items that can match at all. Rebuild it when
 * the items change (a poll that changed a service), never per keystroke.
 */
import type { PaletteItem } from './palette-item';

export interface IndexEntry {
  readonly item: PaletteItem;
  /** Lowercased, same length as `item.title`, so match ranges apply to the title as shown. */
  readonly title: string;
  /** Lowercased keywords; empty for a secret (found by its name only). */
  readonly keywords: readonly string[];
  /** Lowercased grid name, or null. */
  readonly grid: string | null;
  readonly titleMask: number;
  readonly keywordsMask: number;
  readonly gridMask: number;
}

export interface PaletteIndex {
  readonly entries: readonly IndexEntry[];
  readonly byId: ReadonlyMap<string, IndexEntry>;
}

/**
 * A character-presence mask: a–z one bit each, digits share one, the word separators share
 * one, anything else hashes into the last four. A text can hold a word only if its mask
 * holds every bit of the word's mask; false positives are fine, the scorer decides.
 */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= charBit(text.charCodeAt(i));
  return mask;
}

function charBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << 26;
  if (code === 47 || code === 45 || code === 46 || code === 95 || code === 32) return 1 << 27;
  return 1 << (28 + (code % 4));
}

/**
 * Lowercases without changing the length: a few characters lowercase to two code units
 * (`İ`), which would shift every highlight range after them, so those keep their case.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

export function buildIndex(items: readonly PaletteItem[]): PaletteIndex {
  const entries: IndexEntry[] = [];
  const byId = new Map<string, IndexEntry>();
  for (const item of items) {
    const title = lowerSameLength(item.title);
    // A secret's keywords are dropped here, once, so no query can reach them.
    const keywords = item.kind === 'secret' ? [] : item.keywords.map((k) => k.toLowerCase()).filter((k) => k !== '' && k !== title);
    const grid = item.grid === null ? null : item.grid.toLowerCase();
    let keywordsMask = 0;
    for (const k of keywords) keywordsMask |= charMask(k);
    const entry: IndexEntry = {
      item,
      title,
      keywords,
      grid,
      titleMask: charMask(title),
      keywordsMask,
      gridMask: grid === null ? 0 : charMask(grid),
    };
    entries.push(entry);
    byId.set(item.id, entry);
  }
  return { entries, byId };
}

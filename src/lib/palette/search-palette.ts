/**
 * Answers a palette query: every query word must match an item (its title, a keyword, or
 * its grid's name), the best matches of each kind are kept in small sorted groups, and
 * only those get highlight ranges. One pass over the index per keystroke, with no sort of
 * all matches: 5,000 services must answer within a frame.
 */
import { type MatchRange, matchRanges, mergeRanges, SCORE_PREFIX, SCORE_WORD_START, scoreContiguous, scoreWord } from './match-word';
import { KIND_ORDER, type PaletteItem, type PaletteKind } from './palette-item';
import { charMask, type IndexEntry, type PaletteIndex } from './search-index';

/** Results shown per group; the rest are counted. */
export const DEFAULT_GROUP_LIMIT = 8;
/**
 * A keyword match ranks below the same match on the title, but an exact keyword (a stack
 * named `web`) still beats a title prefix (`webhooks`).
 */
const KEYWORD_PENALTY = 150;
/** A word matching the grid's name (exact or prefix only) only narrows; it scores little. */
const GRID_EXACT = 60;
const GRID_PREFIX = 40;

export interface PaletteResult {
  item: PaletteItem;
  score: number;
  /** Matched characters of `item.title`, sorted and merged, for highlighting. */
  ranges: MatchRange[];
}

export interface PaletteGroup {
  /** `recent` only for an empty query. */
  key: PaletteKind | 'recent';
  results: PaletteResult[];
  /** How many more matched than are shown. */
  more: number;
}

export interface SearchOptions {
  /** Ids of recently chosen items, most recent first (see `recents.ts`). */
  recents?: readonly string[];
  /** The grid the user is on: its items win ties. */
  currentGrid?: string | null;
  groupLimit?: number;
}

interface Candidate {
  entry: IndexEntry;
  score: number;
  /** Position in the recents, or Infinity. */
  recent: number;
  inCurrentGrid: boolean;
  /** Every word matched the title at a word start or better: the query names this item. */
  named: boolean;
}

/** Score first, then recent, current grid, shorter title, alphabetical, id (stable). */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.recent !== b.recent) return a.recent < b.recent ? -1 : 1;
  if (a.inCurrentGrid !== b.inCurrentGrid) return a.inCurrentGrid ? -1 : 1;
  if (a.entry.title.length !== b.entry.title.length) return a.entry.title.length - b.entry.title.length;
  if (a.entry.title !== b.entry.title) return a.entry.title < b.entry.title ? -1 : 1;
  return a.entry.item.id < b.entry.item.id ? -1 : a.entry.item.id > b.entry.item.id ? 1 : 0;
}

/** A bounded, sorted top list: an insertion costs at most `limit` moves. */
class TopGroup {
  readonly top: Candidate[] = [];
  count = 0;
  constructor(private readonly limit: number) {}

  offer(candidate: Candidate): void {
    this.count++;
    const top = this.top;
    if (this.limit === 0) return;
    const last = top.at(-1);
    if (top.length === this.limit && last && compareCandidates(candidate, last) >= 0) return;
    let at = top.length;
    while (at > 0 && compareCandidates(candidate, top[at - 1] as Candidate) < 0) at--;
    top.splice(at, 0, candidate);
    if (top.length > this.limit) top.pop();
  }

  /** Whether a candidate with this score could still enter (lets the loop skip building one). */
  wouldReject(score: number): boolean {
    const last = this.top.at(-1);
    return this.top.length === this.limit && last !== undefined && score < last.score;
  }
}

/** Splits a query into lowercased words, dropping empty and repeated ones. */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w !== ''),
    ),
  ];
}

export function searchPalette(index: PaletteIndex, query: string, options: SearchOptions = {}): PaletteGroup[] {
  const limit = Math.max(0, options.groupLimit ?? DEFAULT_GROUP_LIMIT);
  const recentRank = new Map<string, number>();
  (options.recents ?? []).forEach((id, i) => {
    if (!recentRank.has(id)) recentRank.set(id, i);
  });
  const currentGrid = options.currentGrid ?? null;
  const words = queryWords(query);
  if (words.length === 0) return emptyQueryGroups(index, recentRank, currentGrid, limit);

  const n = words.length;
  const masks = words.map(charMask);
  let anyMask = 0;
  for (const m of masks) anyMask |= m;
  const groups = new Map<PaletteKind, TopGroup>(KIND_ORDER.map((kind) => [kind, new TopGroup(limit)]));

  for (const entry of index.entries) {
    const own = entry.titleMask | entry.keywordsMask;
    // Cheapest rejection first: some character of the query is in none of its texts.
    if (((own | entry.gridMask) & anyMask) !== anyMask) continue;
    let total = 0;
    let ownMatched = false;
    let named = true;
    for (let w = 0; w < n; w++) {
      const word = words[w] as string;
      const mask = masks[w] as number;
      let best = -1;
      if ((entry.titleMask & mask) === mask) best = scoreWord(word, entry.title);
      if (best < SCORE_WORD_START) named = false;
      // Keywords match contiguously only: an image like `registry.example.com/team/app:1.2`
      // holds nearly any short word as a subsequence, which would be noise.
      if (best < SCORE_PREFIX && (entry.keywordsMask & mask) === mask) {
        for (const keyword of entry.keywords) {
          const s = scoreContiguous(word, keyword);
          if (s !== -1 && s - KEYWORD_PENALTY > best) best = s - KEYWORD_PENALTY;
        }
      }
      if (best >= 0) ownMatched = true;
      else if (entry.grid !== null && (entry.gridMask & mask) === mask && entry.grid.startsWith(word)) {
        best = word.length === entry.grid.length ? GRID_EXACT : GRID_PREFIX;
      }
      if (best < 0) {
        total = -1;
        break;
      }
      total += best;
    }
    // A grid word narrows but never finds on its own: `prod` alone does not list all of prod.
    if (total < 0 || !ownMatched) continue;
    const group = groups.get(entry.item.kind);
    if (!group) continue;
    if (group.wouldReject(total)) {
      group.count++;
      continue;
    }
    group.offer({
      entry,
      score: total,
      recent: recentRank.get(entry.item.id) ?? Infinity,
      inCurrentGrid: currentGrid !== null && entry.item.grid === currentGrid,
      named,
    });
  }

  const actions = groups.get('action');
  const actionNamed = actions?.top.some((c) => c.named) ?? false;
  const order = actionNamed ? KIND_ORDER : [...KIND_ORDER.filter((k) => k !== 'action'), 'action' as const];
  const out: PaletteGroup[] = [];
  for (const kind of order) {
    const group = groups.get(kind);
    if (!group || group.count === 0) continue;
    out.push({
      key: kind,
      results: group.top.map((c) => ({ item: c.entry.item, score: c.score, ranges: titleRanges(words, c.entry.title) })),
      more: group.count - group.top.length,
    });
  }
  return out;
}

/** The union of what each word matched in the title (a word matched elsewhere adds none). */
function titleRanges(words: readonly string[], lowerTitle: string): MatchRange[] {
  const all: MatchRange[] = [];
  for (const word of words) all.push(...matchRanges(word, lowerTitle));
  return mergeRanges(all);
}

/** An empty query: the recents (of any kind, in their order), then the pages. */
function emptyQueryGroups(
  index: PaletteIndex,
  recentRank: ReadonlyMap<string, number>,
  currentGrid: string | null,
  limit: number,
): PaletteGroup[] {
  const out: PaletteGroup[] = [];
  const recent: PaletteResult[] = [];
  let recentCount = 0;
  for (const id of recentRank.keys()) {
    const entry = index.byId.get(id);
    if (!entry) continue; // an item that has gone since (a deleted service)
    recentCount++;
    if (recent.length < limit) recent.push({ item: entry.item, score: 0, ranges: [] });
  }
  if (recentCount > 0) out.push({ key: 'recent', results: recent, more: recentCount - recent.length });

  // A page already shown as recent is not shown twice.
  const shown = new Set(recent.map((r) => r.item.id));
  const pages = new TopGroup(limit);
  for (const entry of index.entries) {
    if (entry.item.kind !== 'page' || shown.has(entry.item.id)) continue;
    pages.offer({
      entry,
      score: 0,
      recent: Infinity,
      inCurrentGrid: currentGrid !== null && entry.item.grid === currentGrid,
      named: false,
    });
  }
  if (pages.count > 0) {
    out.push({
      key: 'page',
      results: pages.top.map((c) => ({ item: c.entry.item, score: 0, ranges: [] })),
      more: pages.count - pages.top.length,
    });
  }
  return out;
}

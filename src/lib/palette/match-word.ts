/**
 * Scores one lowercased query word against one lowercased text, in tiers:
 * exact > prefix > word start > substring > subsequence. The contiguous tiers are flat
 * values on purpose, so that two items matched the same way tie and the palette's
 * tie-breaks (recent, current grid, shorter, alphabetical) decide between them; only the
 * subsequence tier grades its matches (consecutive runs up, gaps down), always below
 * a substring.
 *
 * The scorers allocate nothing: the search calls them for thousands of items per
 * keystroke. Ranges for highlighting are computed separately, for the few results shown.
 */

export const SCORE_EXACT = 1000;
export const SCORE_PREFIX = 800;
export const SCORE_WORD_START = 600;
export const SCORE_SUBSTRING = 400;
/** A subsequence match scores in [1, SCORE_FUZZY_MAX]. */
const SCORE_FUZZY_MAX = 399;
const FUZZY_BASE = 200;
const FUZZY_CONSECUTIVE = 12;
const FUZZY_WORD_START = 8;
/** A gap costs more for opening than for each further character it spans. */
const FUZZY_GAP_OPEN = 6;
const FUZZY_GAP_EXTEND = 1;

/** A half-open range [start, end) of matched characters in a title. */
export type MatchRange = readonly [start: number, end: number];

/** `/`, `-`, `.`, `_` and space start a new word in names like `stack/web-api.v2`. */
function isWordBoundary(code: number): boolean {
  return code === 47 || code === 45 || code === 46 || code === 95 || code === 32;
}

function startsWord(text: string, at: number): boolean {
  return at === 0 || isWordBoundary(text.charCodeAt(at - 1));
}

/** The index of the first occurrence of `word` at a word start, or -1. */
function wordStartIndex(word: string, text: string, from: number): number {
  for (let at = text.indexOf(word, from); at !== -1; at = text.indexOf(word, at + 1)) {
    if (startsWord(text, at)) return at;
  }
  return -1;
}

/** The contiguous tiers only (keywords use these: see `search-palette.ts`), or -1. */
export function scoreContiguous(word: string, text: string): number {
  if (word.length > text.length) return -1;
  const at = text.indexOf(word);
  if (at === -1) return -1;
  if (at === 0) return word.length === text.length ? SCORE_EXACT : SCORE_PREFIX;
  return wordStartIndex(word, text, at) !== -1 ? SCORE_WORD_START : SCORE_SUBSTRING;
}

/** Every tier, the subsequence one included, or -1 when `word` is not in `text` at all. */
export function scoreWord(word: string, text: string): number {
  const contiguous = scoreContiguous(word, text);
  return contiguous !== -1 || word.length > text.length ? contiguous : fuzzy(word, text, null);
}

/**
 * The subsequence tier. Greedy forward finds the earliest end of a match; a backward scan
 * from there finds the latest start, which gives the tightest window ending there (the
 * forward greedy alone would anchor `api` in `a-long-prefix-api` on the first `a`).
 * With `positions`, the matched indexes are pushed to it.
 */
function fuzzy(word: string, text: string, positions: number[] | null): number {
  const n = word.length;
  if (n === 0) return -1;
  let qi = 0;
  let end = -1;
  for (let ti = 0; ti < text.length; ti++) {
    if (text.charCodeAt(ti) === word.charCodeAt(qi) && ++qi === n) {
      end = ti;
      break;
    }
  }
  if (end === -1) return -1;
  let start = end;
  qi = n - 1;
  for (; start >= 0; start--) {
    if (text.charCodeAt(start) === word.charCodeAt(qi) && --qi < 0) break;
  }
  let score = FUZZY_BASE;
  let previous = -1;
  qi = 0;
  for (let ti = start; ti <= end && qi < n; ti++) {
    if (text.charCodeAt(ti) !== word.charCodeAt(qi)) continue;
    if (previous !== -1) score += ti === previous + 1 ? FUZZY_CONSECUTIVE : -FUZZY_GAP_OPEN - (ti - previous - 1) * FUZZY_GAP_EXTEND;
    if (startsWord(text, ti)) score += FUZZY_WORD_START;
    positions?.push(ti);
    previous = ti;
    qi++;
  }
  // A later start costs a little, so `wb` prefers `web-backend` over `the-web-backend`.
  score -= Math.min(start, 20);
  return Math.max(1, Math.min(SCORE_FUZZY_MAX, score));
}

/**
 * Where `word` matched `text`, the way `scoreWord` matched it (the word-start occurrence
 * for that tier, the scored window for a subsequence), as merged ranges. Empty when it
 * does not match.
 */
export function matchRanges(word: string, text: string): MatchRange[] {
  const score = scoreContiguous(word, text);
  if (score !== -1) {
    const at = score === SCORE_WORD_START ? wordStartIndex(word, text, 1) : text.indexOf(word);
    return [[at, at + word.length]];
  }
  const positions: number[] = [];
  if (fuzzy(word, text, positions) === -1) return [];
  return mergeRanges(positions.map((p): MatchRange => [p, p + 1]));
}

/** Sorts and joins overlapping or touching ranges. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

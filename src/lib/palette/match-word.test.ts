import { describe, expect, it } from 'vitest';
import {
  type MatchRange,
  matchRanges,
  mergeRanges,
  SCORE_EXACT,
  SCORE_PREFIX,
  SCORE_SUBSTRING,
  SCORE_WORD_START,
  scoreContiguous,
  scoreWord,
} from './match-word';

describe('scoreWord tiers', () => {
  it.each([
    ['web', 'web', SCORE_EXACT],
    ['web', 'webhooks', SCORE_PREFIX],
    ['api', 'web-api', SCORE_WORD_START],
    ['api', 'stack/api', SCORE_WORD_START],
    ['api', 'web.api', SCORE_WORD_START],
    ['api', 'web_api', SCORE_WORD_START],
    ['api', 'web api', SCORE_WORD_START],
    ['api', 'rapid-api', SCORE_WORD_START], // a later occurrence at a word start counts
    ['api', 'rapids', SCORE_SUBSTRING],
    ['', 'web', SCORE_PREFIX],
  ])('%j in %j scores %i', (word, text, expected) => {
    expect(scoreWord(word, text)).toBe(expected);
  });

  it.each([
    ['wbe', 'web'],
    ['webx', 'web'],
    ['zz', 'web-api'],
    ['longer-than-text', 'web'],
  ])('%j does not match %j', (word, text) => {
    expect(scoreWord(word, text)).toBe(-1);
  });

  it('scores a subsequence below any substring and above nothing', () => {
    const s = scoreWord('wapi', 'web-api');
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(SCORE_SUBSTRING);
  });

  it.each([
    // consecutive runs beat scattered letters
    ['bilg', 'billing', 'b-i-l-g'],
    // a small gap beats a large one
    ['wa', 'w-a', 'w-----------a'],
    // letters at word starts beat letters mid-word
    ['wa', 'web-api', 'wxyzaxx'],
    // an earlier window beats a later one
    ['wb', 'web-backend', 'the-web-backend'],
  ])('fuzzy %j prefers %j over %j', (word, better, worse) => {
    const b = scoreWord(word, better);
    const w = scoreWord(word, worse);
    expect(b).toBeGreaterThan(0);
    expect(w).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(w);
  });

  it('keywords tier: scoreContiguous never matches a subsequence', () => {
    expect(scoreContiguous('wapi', 'web-api')).toBe(-1);
    expect(scoreContiguous('api', 'web-api')).toBe(SCORE_WORD_START);
  });
});

describe('matchRanges', () => {
  it.each<[string, string, MatchRange[]]>([
    ['web', 'web', [[0, 3]]],
    ['web', 'webhooks', [[0, 3]]],
    ['api', 'rapid-api', [[6, 9]]],
    ['api', 'rapids', [[1, 4]]],
    [
      'wapi',
      'web-api',
      [
        [0, 1],
        [4, 7],
      ],
    ],
    // the tight window: `api` at the end, not the first `a`
    [
      'ax',
      'a-long-a-x',
      [
        [7, 8],
        [9, 10],
      ],
    ],
    ['zz', 'web', []],
  ])('%j in %j → %j', (word, text, expected) => {
    expect(matchRanges(word, text)).toEqual(expected);
  });

  it('merges overlapping and touching ranges, in order', () => {
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [2, 3],
        [6, 9],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
    ]);
  });
});

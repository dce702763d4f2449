import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal';

describe('deepEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [null, undefined, false],
    [Number.NaN, Number.NaN, true],
    [[1, [2, 3]], [1, [2, 3]], true],
    [[1, 2], [2, 1], false],
    [[1], [1, 2], false],
    [{ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [{ a: [] }, { a: {} }, false],
    [[], {}, false],
    // Records as parsed from an answer (formerly share-by-id's own jsonEqual).
    ['a', 'b', false],
    [null, {}, false],
    [[1, { a: [2] }], [1, { a: [2] }], true],
    [[1, 2], [1, 2, 3], false],
    [{ a: 1, b: undefined }, { a: 1, c: undefined }, true],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1, b: 2 }, { a: 1, c: 2 }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
    expect(deepEqual(b, a)).toBe(expected);
  });
});

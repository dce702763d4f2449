import { describe, expect, it } from 'vitest';
import { jsonEqual, shareById } from './share-by-id';

describe('jsonEqual', () => {
  it.each([
    [1, 1, true],
    ['a', 'b', false],
    [null, null, true],
    [null, {}, false],
    [[1, { a: [2] }], [1, { a: [2] }], true],
    [[1, 2], [1, 2, 3], false],
    [{ a: 1, b: undefined }, { a: 1, c: undefined }, false],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: [] }, { a: {} }, false],
    [[], {}, false],
  ])('%j vs %j → %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
  });
});

describe('shareById', () => {
  const a = { id: 'a', n: 1, nested: { x: [1] } };
  const b = { id: 'b', n: 2, nested: { x: [2] } };

  it('keeps the previous array when every record is equal and in the same order', () => {
    const previous = [a, b];
    expect(shareById(previous, JSON.parse(JSON.stringify(previous)) as typeof previous)).toBe(previous);
  });

  it('keeps the unchanged records, takes the changed and new ones, and follows the new order', () => {
    const changed = { ...b, n: 3 };
    const fresh = { id: 'c', n: 4, nested: { x: [] } };
    const out = shareById([a, b], [fresh, JSON.parse(JSON.stringify(a)) as typeof a, changed]);
    expect(out[0]).toBe(fresh);
    expect(out[1]).toBe(a);
    expect(out[2]).toBe(changed);
  });

  it('a reorder of equal records gives a new array of the old objects', () => {
    const previous = [a, b];
    const out = shareById(previous, [{ ...b, nested: { x: [2] } }, { ...a, nested: { x: [1] } }]);
    expect(out).not.toBe(previous);
    expect(out[0]).toBe(b);
    expect(out[1]).toBe(a);
  });

  it('with no previous answer gives the new one', () => {
    const next = [a];
    expect(shareById(undefined, next)).toBe(next);
  });
});

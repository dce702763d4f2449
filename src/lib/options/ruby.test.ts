import { describe, expect, it } from 'vitest';
import { rubySplit, rubyToI } from './ruby';

describe('Ruby string behaviour', () => {
  it.each<[string, string, string[]]>([
    ['a:b:c', ':', ['a', 'b', 'c']],
    ['a:b:', ':', ['a', 'b']],
    ['a::', ':', ['a']],
    [':a', ':', ['', 'a']],
    ['', ':', []],
    [':', ':', []],
  ])('%j.split(%j) → %j', (value, separator, parts) => {
    expect(rubySplit(value, separator)).toEqual(parts);
  });

  it.each<[string, number]>([
    ['12', 12],
    ['12abc', 12],
    ['  -3x', -3],
    ['+4', 4],
    ['1_000', 1000],
    ['abc', 0],
    ['', 0],
    ['1.9', 1],
  ])('%j.to_i → %d', (value, n) => {
    expect(rubyToI(value)).toBe(n);
  });
});

import { describe, expect, it } from 'vitest';
import { parseHookInstances } from './hook-instances';

describe('parseHookInstances', () => {
  it.each([
    ['*', '*'],
    [' 1 ', '1'],
    ['1,2', '1,2'],
    ['1, 3 ,10', '1,3,10'],
  ])('%j → %j', (raw, value) => {
    expect(parseHookInstances(raw)).toEqual({ ok: true, value });
  });

  it.each([[''], ['0'], ['1,'], ['a'], ['1-3'], ['**'], ['*,1']])('%j is refused', (raw) => {
    expect(parseHookInstances(raw).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRecents, pushRecent, RECENTS_LIMIT, removeRecent, serializeRecents } from './recents';

describe('pushRecent', () => {
  it.each<[string[], string, string[]]>([
    [[], 'a', ['a']],
    [['a', 'b'], 'c', ['c', 'a', 'b']],
    [['a', 'b', 'c'], 'b', ['b', 'a', 'c']],
    [['a'], 'a', ['a']],
  ])('%j + %j → %j', (before, id, after) => {
    expect(pushRecent(before, id)).toEqual(after);
  });

  it(`keeps at most ${RECENTS_LIMIT}, dropping the oldest`, () => {
    let list: string[] = [];
    for (let i = 0; i < 30; i++) list = pushRecent(list, `id${i}`);
    expect(list).toHaveLength(RECENTS_LIMIT);
    expect(list[0]).toBe('id29');
    expect(list.at(-1)).toBe('id10');
  });

  it('does not change the list it is given', () => {
    const before = ['a', 'b'];
    pushRecent(before, 'b');
    expect(before).toEqual(['a', 'b']);
  });

  it('removeRecent drops an id', () => {
    expect(removeRecent(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});

describe('serializer', () => {
  it('round-trips', () => {
    const list = ['service:prod/web/api', 'page:wall-builder'];
    expect(parseRecents(serializeRecents(list))).toEqual(list);
  });

  it.each<[string, string | null | undefined, string[]]>([
    ['nothing stored', null, []],
    ['undefined', undefined, []],
    ['empty string', '', []],
    ['not JSON', '{oops', []],
    ['an object', '{"a":1}', []],
    ['a string', '"abc"', []],
    ['a number', '42', []],
    ['null', 'null', []],
    ['mixed entries', '["a", 1, null, {"x":1}, "", "b", ["c"]]', ['a', 'b']],
    ['duplicates', '["a","b","a"]', ['a', 'b']],
    ['an over-long string', JSON.stringify(['a', 'x'.repeat(513)]), ['a']],
  ])('%s → %j', (_name, stored, expected) => {
    expect(parseRecents(stored)).toEqual(expected);
  });

  it(`reads at most ${RECENTS_LIMIT}`, () => {
    const many = Array.from({ length: 50 }, (_, i) => `id${i}`);
    expect(parseRecents(JSON.stringify(many))).toHaveLength(RECENTS_LIMIT);
    expect(JSON.parse(serializeRecents(many))).toHaveLength(RECENTS_LIMIT);
  });
});

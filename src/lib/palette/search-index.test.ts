import { describe, expect, it } from 'vitest';
import type { PaletteItem } from './palette-item';
import { buildIndex, charMask, lowerSameLength } from './search-index';

describe('charMask', () => {
  it.each([
    ['web', 'web-api', true],
    ['api', 'web-api', true],
    ['z', 'web-api', false],
    ['w1', 'web', false],
    ['w1', 'web-10', true],
  ])('%j possibly in %j: %s', (word, text, possible) => {
    const w = charMask(word);
    expect((charMask(text) & w) === w).toBe(possible);
  });
});

describe('lowerSameLength', () => {
  it.each([
    ['Web-API', 'web-api'],
    ['İstanbul', 'İstanbul'], // İ lowercases to two code units: kept as is
    ['ÄBC', 'äbc'],
  ])('%j → %j', (text, expected) => {
    const lower = lowerSameLength(text);
    expect(lower).toBe(expected);
    expect(lower).toHaveLength(text.length);
  });
});

describe('buildIndex', () => {
  const items: PaletteItem[] = [
    { id: 's1', kind: 'service', grid: 'Prod', title: 'Web', keywords: ['Stack/Web', 'Stack', ''] },
    { id: 'x1', kind: 'secret', grid: 'prod', title: 'DB_PASSWORD', keywords: ['hunter2'] },
  ];
  const index = buildIndex(items);

  it('lowercases title, keywords and grid once, dropping empty keywords', () => {
    const entry = index.byId.get('s1');
    expect(entry?.title).toBe('web');
    expect(entry?.keywords).toEqual(['stack/web', 'stack']);
    expect(entry?.grid).toBe('prod');
  });

  it('drops every keyword of a secret', () => {
    expect(index.byId.get('x1')?.keywords).toEqual([]);
    expect(index.byId.get('x1')?.keywordsMask).toBe(0);
  });

  it('keeps the items in order', () => {
    expect(index.entries.map((e) => e.item.id)).toEqual(['s1', 'x1']);
  });
});

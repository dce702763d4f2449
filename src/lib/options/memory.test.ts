import { describe, expect, it } from 'vitest';
import { formatMemory, formatMemoryHuman, parseMemory } from './memory';

describe('parseMemory (the CLI parse_memory)', () => {
  it.each<[string, number]>([
    ['512m', 536870912],
    ['512M', 536870912],
    ['1g', 1073741824],
    ['2G', 2147483648],
    ['64k', 65536],
    ['64K', 65536],
    ['1000', 1000],
    ['0', 0],
    ['0g', 0],
    [' 256m ', 268435456],
  ])('%j → %d', (value, bytes) => {
    expect(parseMemory(value)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ['512b', 'Invalid memory value: 512b (the CLI has no b unit despite its help text: give plain bytes such as 512, or use k, m or g)'],
    ['512B', 'Invalid memory value: 512B (the CLI has no b unit despite its help text: give plain bytes such as 512, or use k, m or g)'],
    [
      '-1',
      'Invalid memory value: -1 (the CLI does not accept negative values, so -1 cannot disable swap despite its help text: leave the field empty instead)',
    ],
    ['1.5g', 'Invalid memory value: 1.5g (use a number with an optional unit k, m or g, e.g. 512m or 1g)'],
    ['512mb', 'Invalid memory value: 512mb (use a number with an optional unit k, m or g, e.g. 512m or 1g)'],
    ['1t', 'Invalid memory value: 1t (use a number with an optional unit k, m or g, e.g. 512m or 1g)'],
    ['m', 'Invalid memory value: m (use a number with an optional unit k, m or g, e.g. 512m or 1g)'],
    ['', "Invalid memory value: '' (use a number with an optional unit k, m or g, e.g. 512m or 1g)"],
    ['99999999999g', 'Invalid memory value: 99999999999g (too big)'],
  ])('%j → %s', (value, error) => {
    expect(parseMemory(value)).toEqual({ ok: false, error });
  });
});

describe('formatMemory (the shortest exact CLI form)', () => {
  it.each<[number, string]>([
    [536870912, '512m'],
    [1073741824, '1g'],
    [1000, '1000'],
    [1024, '1k'],
    [1536, '1536'],
    [1048576 * 1536, '1536m'],
    [3 * 1024, '3k'],
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
  ])('%d → %s', (bytes, text) => {
    expect(formatMemory(bytes)).toBe(text);
  });

  it('reads back as the same number of bytes', () => {
    for (const bytes of [0, 1, 1023, 1024, 1025, 536870912, 1073741824, 1610612736, 5 * 1024 ** 3]) {
      expect(parseMemory(formatMemory(bytes))).toEqual({ ok: true, value: bytes });
    }
  });
});

describe('formatMemoryHuman', () => {
  it.each<[number, string]>([
    [536870912, '512 MiB'],
    [1073741824, '1 GiB'],
    [1610612736, '1.5 GiB'],
    [1000, '1000 B'],
    [1536, '1.5 KiB'],
    [1048575, '1 MiB'],
    [0, '0 B'],
    [1024 ** 4 * 2, '2 TiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatMemoryHuman(bytes)).toBe(text);
  });
});

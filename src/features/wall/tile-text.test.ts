import { describe, expect, it } from 'vitest';
import { cpuFigure, memFigure, NO_DATA, REASON_MAX_CHARS, shortReason } from './tile-text';

describe('tile figures', () => {
  it('shows every CPU figure with its unit', () => {
    for (const [value, text] of [
      [0, '0.0 %'],
      [12.34, '12.3 %'],
      [99.96, '100.0 %'],
      [240, '240 %'],
    ] as const) {
      expect(cpuFigure(value)).toBe(text);
    }
  });

  it('shows every memory figure with a binary unit', () => {
    for (const [bytes, text] of [
      [512, '512 B'],
      [7.22 * 1024 ** 2, '7.22 MiB'],
      [95.3 * 1024 ** 2, '95.3 MiB'],
      [1023 * 1024 ** 2, '1023 MiB'],
      [1.5 * 1024 ** 3, '1.50 GiB'],
    ] as const) {
      expect(memFigure(bytes)).toBe(text);
    }
    for (let bytes = 1; bytes < 2 ** 42; bytes *= 3.7) expect(memFigure(bytes)).toMatch(/^\d+(\.\d+)? (B|KiB|MiB|GiB|TiB)$/);
  });

  it('says “no data” in words when there is no sample, never a bare number or a sign', () => {
    for (const missing of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(cpuFigure(missing)).toBe(NO_DATA);
      expect(memFigure(missing)).toBe(NO_DATA);
    }
    expect(NO_DATA).toMatch(/^[a-z]+( [a-z]+)*$/);
  });
});

describe('failure reasons on a tile', () => {
  it('names the master’s usual reasons in a few words', () => {
    expect(shortReason('halting deploy of staging/null/payments, one or more instances failed')).toBe('instances failed');
    expect(
      shortReason(
        'Cannot find applicable node for service instance production/shop/web-2: Did not find any nodes for affinity filter: node==x',
      ),
    ).toBe('no node can run it');
    expect(shortReason('')).toBe('the last deploy did not finish');
  });

  it('keeps a short reason whole and ends a long one at a word, never inside one', () => {
    expect(shortReason('image pull timed out')).toBe('image pull timed out');
    const long = 'the registry answered with an unexpected status while the agent was pulling layer after layer of the image';
    const short = shortReason(long);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(REASON_MAX_CHARS + 1);
    const words = short.slice(0, -1).split(' ');
    for (const word of words) expect(long.split(' ')).toContain(word);
  });
});

// The log view's Lines box and its URL parameters, with hostile input (#15 item 7): a
// number box holds a decimal number or nothing, and `2e3` there is 2000 lines; whatever
// a link says, the options are whole numbers in range and plain text.
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../test/app/hostile-strings';
import { linesFromInput } from './log-lines-input';
import { MAX_LINES, parseLogViewOptions } from './log-view-options';

describe('linesFromInput', () => {
  it.each([
    ['250', 250],
    ['2e3', 2000],
    ['1.9', 1],
    ['1e309', MAX_LINES],
    ['-0', 1],
    ['-5', 1],
    ['0', 1],
    ['20000', MAX_LINES],
    ['', 100],
    ['NaN', 100],
    ['0x10', 100],
    ['Infinity', 100],
  ])('%j → %d', (text, lines) => {
    expect(linesFromInput(text)).toBe(lines);
  });

  it.each(HOSTILE_CASES)('%s → a whole number of lines from 1 to 10,000', (_, { value }) => {
    const lines = linesFromInput(value);
    expect(Number.isInteger(lines) && lines >= 1 && lines <= MAX_LINES).toBe(true);
  });
});

describe('log view options from a link', () => {
  it.each(HOSTILE_CASES)('%s in every parameter falls back to what is valid', (_, { value }) => {
    const params = new URLSearchParams();
    for (const key of ['lines', 'since', 'instance', 'container', 'ts', 'follow', 'q', 'grep', 'scrollback']) params.set(key, value);
    const options = parseLogViewOptions(params);
    expect(Number.isInteger(options.lines) && options.lines >= 1 && options.lines <= MAX_LINES).toBe(true);
    expect(Number.isInteger(options.scrollback)).toBe(true);
    expect(options.since === '' || !Number.isNaN(Date.parse(options.since)) || /^\d+[smhd]$/.test(options.since)).toBe(true);
    expect(options.instances.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(['local', 'utc', 'off']).toContain(options.timestamps);
    expect(options.query.length).toBeLessThanOrEqual(200);
  });
});

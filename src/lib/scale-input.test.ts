import { describe, expect, it } from 'vitest';
import { parseScaleInput } from './scale-input';

describe('parseScaleInput', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    [' 12 ', 12],
    ['007', 7],
    ['+2', 2],
  ])('accepts %j as %i', (text, instances) => {
    expect(parseScaleInput(text)).toEqual({ ok: true, instances });
  });

  it.each([
    ['', /enter the number/i],
    ['   ', /enter the number/i],
    ['-1', /negative/i],
    ['- 3', /negative/i],
    ['-1.5', /negative/i],
    ['1.5', /whole number/i],
    ['2,5', /whole number/i],
    ['.5', /whole number/i],
    ['3.', /whole number/i],
    ['abc', /whole number/i],
    ['1e3', /whole number/i],
    ['0x10', /whole number/i],
    ['12abc', /whole number/i],
    ['99999999999999999999', /too large/i],
  ])('refuses %j', (text, message) => {
    const result = parseScaleInput(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanCredential, codeProblem, tokenProblem } from './credential-format';

describe('credential formats', () => {
  it.each([
    ['', 'Enter the one-time code.'],
    ['   ', 'Enter the one-time code.'],
    ['xyz', /only hex characters/],
    ['12ab 34', /only hex characters/],
    ['3f9a1c0b7d2e', null],
    [' 3F9A1C0B7D2E\n', null],
  ])('code %j', (input, expected) => {
    const problem = codeProblem(input);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it.each([
    ['', 'Paste the access token.'],
    ['not-a-token', /64 hex characters.*other characters/],
    ['abc', /64 hex characters.*this one has 3/],
    ['a'.repeat(65), /this one has 65/],
    ['a'.repeat(64), null],
    [`Bearer ${'F'.repeat(64)}`, null],
    [`  ${'0'.repeat(64)}  `, null],
  ])('token %j', (input, expected) => {
    const problem = tokenProblem(input);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('cleans white space and a Bearer prefix', () => {
    expect(cleanCredential(`  bearer ${'a'.repeat(64)} `)).toBe('a'.repeat(64));
  });
});

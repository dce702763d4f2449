import { describe, expect, it } from 'vitest';
import { parseSignInReason, safeNextPath, signInPath } from './next-path';

describe('next path after sign-in', () => {
  it.each([
    ['/grids/a/services', '/grids/a/services'],
    ['/grids/a/services?x=1#y', '/grids/a/services?x=1#y'],
    [null, null],
    ['', null],
    ['https://evil.example/', null],
    ['//evil.example/', null],
    ['/\\evil.example', null],
    ['/sign-in', null],
    ['/sign-in?next=/x', null],
  ])('%j → %j', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it('builds the sign-in address', () => {
    expect(signInPath('/grids/a/services')).toBe('/sign-in?next=%2Fgrids%2Fa%2Fservices');
    expect(signInPath('/grids/a/services', 'expired')).toBe('/sign-in?next=%2Fgrids%2Fa%2Fservices&reason=expired');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/sign-in')).toBe('/sign-in');
  });

  it('knows only its own reasons', () => {
    expect(parseSignInReason('expired')).toBe('expired');
    expect(parseSignInReason('ended')).toBe('ended');
    expect(parseSignInReason('<script>')).toBeNull();
  });
});

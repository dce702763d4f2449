import { describe, expect, it } from 'vitest';
import { parseGridName, parseServiceName, parseServiceRefArg } from './names';

describe('parseServiceName (/^(?!-)(\\w|-)+$/)', () => {
  it.each(['redis', 'web-1', 'my_service', 'A1', '1st', 'a-'])('%j is valid', (name) => {
    expect(parseServiceName(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', 'Name is required'],
    ['-web', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    ['web.app', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    ['s/web', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    ['wéb', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
    ['a b', "Name isn't in the right format: use letters, digits, _ and -, not starting with -"],
  ])('%j → %s', (name, error) => {
    expect(parseServiceName(name)).toEqual({ ok: false, error });
  });
});

describe('parseGridName and parseServiceRefArg', () => {
  it.each([
    ['prod', true],
    ['-dev', true],
    ['ab', false],
    ['a b c', false],
  ])('grid %j valid: %s', (grid, valid) => {
    expect(parseGridName(grid).ok).toBe(valid);
  });

  it.each([
    ['web', true],
    ['stack/web', true],
    ['grid/stack/web', true],
    ['grid/null/web', true],
    ['a/b/c/d', false],
    ['-web', false],
    ['stack/', false],
  ])('service argument %j valid: %s', (arg, valid) => {
    expect(parseServiceRefArg(arg).ok).toBe(valid);
  });
});

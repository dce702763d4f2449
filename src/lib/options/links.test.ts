import { describe, expect, it } from 'vitest';
import { formatLink, parseLink, parseLinkCli } from './links';

describe('parseLinkCli (the CLI parse_links)', () => {
  it.each([
    ['redis', { name: 'redis', alias: 'redis' }],
    ['redis:db', { name: 'redis', alias: 'db' }],
    ['stack/redis', { name: 'stack/redis', alias: 'stack/redis' }],
    ['a:b:c', { name: 'a', alias: 'b' }],
    ['a:', { name: 'a', alias: 'a' }],
  ])('%j → %j', (value, link) => {
    expect(parseLinkCli(value)).toEqual({ ok: true, value: link });
  });

  it('refuses an empty value', () => {
    expect(parseLinkCli('')).toEqual({ ok: false, error: 'Invalid link value ' });
  });
});

describe('parseLink', () => {
  it.each([
    ['redis', { name: 'redis', alias: 'redis' }],
    ['redis:db', { name: 'redis', alias: 'db' }],
    ['stack/redis', { name: 'stack/redis', alias: 'stack/redis' }],
    ['stack/redis:cache', { name: 'stack/redis', alias: 'cache' }],
    ['my_svc-2:db.local', { name: 'my_svc-2', alias: 'db.local' }],
  ])('%j → %j', (value, link) => {
    expect(parseLink(value)).toEqual({ ok: true, value: link });
  });

  it.each([
    ['', "Invalid link value '': write SERVICE or STACK/SERVICE, optionally followed by :ALIAS"],
    ['a:b:c', 'Invalid link value a:b:c: write SERVICE or STACK/SERVICE, optionally followed by :ALIAS'],
    ['a:', 'Invalid link value a:: write SERVICE or STACK/SERVICE, optionally followed by :ALIAS'],
    [':a', 'Invalid link value :a: write SERVICE or STACK/SERVICE, optionally followed by :ALIAS'],
    ['-redis', "Invalid link target '-redis': write SERVICE or STACK/SERVICE (letters, digits, _ and -, not starting with -)"],
    ['g/s/redis', "Invalid link target 'g/s/redis': write SERVICE or STACK/SERVICE (letters, digits, _ and -, not starting with -)"],
    ['stack/', "Invalid link target 'stack/': write SERVICE or STACK/SERVICE (letters, digits, _ and -, not starting with -)"],
    ['re.dis', "Invalid link target 're.dis': write SERVICE or STACK/SERVICE (letters, digits, _ and -, not starting with -)"],
    ['redis:my db', "Invalid link alias 'my db': use letters, digits, _, ., / and -, not starting with -"],
    ['redis:-db', "Invalid link alias '-db': use letters, digits, _, ., / and -, not starting with -"],
  ])('%j → %s', (value, error) => {
    expect(parseLink(value)).toEqual({ ok: false, error });
  });
});

describe('formatLink', () => {
  it.each([
    [{ name: 'redis', alias: 'redis' }, 'redis'],
    [{ name: 'redis', alias: 'db' }, 'redis:db'],
    [{ name: 's/redis', alias: 's/redis' }, 's/redis'],
  ])('%j → %s', (link, text) => {
    expect(formatLink(link)).toBe(text);
  });
});

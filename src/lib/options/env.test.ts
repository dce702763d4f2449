import { describe, expect, it } from 'vitest';
import { applyEnvUpdate, envKey, envValue, formatEnv, formatEnvLines, keptEnvKeys, parseEnv, parseEnvLines } from './env';

describe('parseEnv', () => {
  it.each([
    ['FOO=bar', { key: 'FOO', value: 'bar' }],
    ['FOO=', { key: 'FOO', value: '' }],
    ['URL=postgres://u:p@h/db?a=b', { key: 'URL', value: 'postgres://u:p@h/db?a=b' }],
    ['A=b=c', { key: 'A', value: 'b=c' }],
    ['MSG= hello world ', { key: 'MSG', value: ' hello world ' }],
    ['_x1=1', { key: '_x1', value: '1' }],
  ])('%j → %j', (raw, entry) => {
    expect(parseEnv(raw)).toEqual({ ok: true, value: entry });
  });

  it.each([
    [
      'my-var=1',
      { key: 'my-var', value: '1' },
      'my-var is not a portable variable name: use letters, digits and _, not starting with a digit',
    ],
    ['1X=1', { key: '1X', value: '1' }, '1X is not a portable variable name: use letters, digits and _, not starting with a digit'],
  ])('%j is accepted with a warning', (raw, entry, warning) => {
    expect(parseEnv(raw)).toEqual({ ok: true, value: entry, warning });
  });

  it.each([
    ['FOO', "Invalid env value FOO: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)"],
    ['=bar', "Invalid env value =bar: the name before '=' is empty"],
    [' =bar', "Invalid env value  =bar: the name before '=' is empty"],
    ['', "Env can't be blank"],
    ['  ', "Env can't be blank"],
  ])('%j → %s', (raw, error) => {
    expect(parseEnv(raw)).toEqual({ ok: false, error });
  });

  it('splits and joins stored entries', () => {
    expect([envKey('A=b=c'), envValue('A=b=c')]).toEqual(['A', 'b=c']);
    expect([envKey('A'), envValue('A')]).toEqual(['A', null]);
    expect(formatEnv({ key: 'A', value: 'b=c' })).toBe('A=b=c');
  });
});

describe('parseEnvLines (pasted KEY=VALUE lines)', () => {
  it('keeps the good lines and reports the bad ones by line number', () => {
    const text = [
      '# database',
      'DB_HOST=db.local',
      '',
      '   DB_URL=postgres://db?sslmode=require',
      'export TOKEN=abc',
      'BROKEN',
      '=nokey',
      '  # indented comment',
      'bad-name=1',
      'DB_HOST=other\r',
      'LAST=with trailing space ',
    ].join('\n');
    expect(parseEnvLines(text)).toEqual({
      entries: [
        'DB_HOST=db.local',
        'DB_URL=postgres://db?sslmode=require',
        'TOKEN=abc',
        'bad-name=1',
        'DB_HOST=other',
        'LAST=with trailing space ',
      ],
      errors: [
        {
          line: 6,
          message:
            "Invalid env value BROKEN: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)",
        },
        { line: 7, message: "Invalid env value =nokey: the name before '=' is empty" },
      ],
      warnings: [
        { line: 9, message: 'bad-name is not a portable variable name: use letters, digits and _, not starting with a digit' },
        { line: 10, message: 'DB_HOST is set again (first on line 2): the last value wins' },
      ],
    });
  });

  it('gives nothing for blank text', () => {
    expect(parseEnvLines('\n \n# only a comment\n')).toEqual({ entries: [], errors: [], warnings: [] });
  });

  it('reads Windows and old Mac line ends', () => {
    expect(parseEnvLines('A=1\r\nB=2\rC=3').entries).toEqual(['A=1', 'B=2', 'C=3']);
  });

  it('formats a list back into lines', () => {
    expect(formatEnvLines(['A=1', 'B=x=y'])).toBe('A=1\nB=x=y');
    expect(parseEnvLines(formatEnvLines(['A=1', 'B=x=y'])).entries).toEqual(['A=1', 'B=x=y']);
  });
});

describe('applyEnvUpdate (the master: K= keeps the old value)', () => {
  it.each<[string[], string[], string[]]>([
    [['A=1', 'B=2'], ['A=3'], ['A=3']],
    [
      ['A=1', 'B=2'],
      ['A=', 'B=5'],
      ['A=1', 'B=5'],
    ],
    [['A=1'], ['C='], ['C=']],
    [['A=1'], [], []],
    [['A=1', 'A=2'], ['A='], ['A=2']],
    [[], ['A=1', 'B=2', 'A=3'], ['A=3', 'B=2']],
    [['A=x=y'], ['A='], ['A=x=y']],
    [['A='], ['A='], ['A=']],
  ])('%j updated with %j → %j', (current, next, stored) => {
    expect(applyEnvUpdate(current, next)).toEqual({ ok: true, value: stored });
  });

  it('refuses an entry without = (the master answers 500)', () => {
    expect(applyEnvUpdate(['A=1'], ['A'])).toEqual({
      ok: false,
      error: "Invalid env value A: write KEY=VALUE (an entry without '=' makes the master fail with an internal error on update)",
    });
  });

  it.each<[string[], string[], string[]]>([
    [['A=1', 'B=2'], ['A=', 'B=3', 'C='], ['A']],
    [['A='], ['A='], []],
    [['A=1'], ['A=', 'A='], ['A']],
    [['A=1'], ['A=2'], []],
  ])('keptEnvKeys(%j, %j) → %j', (current, next, kept) => {
    expect(keptEnvKeys(current, next)).toEqual(kept);
  });
});

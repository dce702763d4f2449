import { describe, expect, it } from 'vitest';
import { shellEscape, shellJoin, shellSplit } from './shellwords';

describe('shellSplit (Ruby Shellwords.split)', () => {
  it.each<[string, string[]]>([
    ['a b c', ['a', 'b', 'c']],
    ['  a   b  ', ['a', 'b']],
    ['', []],
    ['   ', []],
    ['a\tb\nc\r\fd\ve', ['a', 'b', 'c', 'd', 'e']],
    ["'a b' c", ['a b', 'c']],
    ['"a b" c', ['a b', 'c']],
    ['a\\ b', ['a b']],
    ['a"b c"d', ['ab cd']],
    ["a'b c'd", ['ab cd']],
    ["''", ['']],
    ["a '' b", ['a', '', 'b']],
    ['"a\\"b"', ['a"b']],
    ['"\\$HOME \\`x\\` \\\\"', ['$HOME `x` \\']],
    // Inside double quotes only $ ` " \ and newline are escapable; other backslashes stay.
    ['"a\\nb"', ['a\\nb']],
    ["'a\\nb'", ['a\\nb']],
    ['a\\nb', ['anb']],
    ["'it'\\''s'", ["it's"]],
    ["sh -c 'echo hi && exit 1'", ['sh', '-c', 'echo hi && exit 1']],
    ['"line1\nline2"', ['line1\nline2']],
    ['a\\', ['a\\']],
    // Ruby keeps a backslash before a newline (a shell would join the lines).
    ['a\\\nb', ['a\\\nb']],
    ['$HOME *.txt ~', ['$HOME', '*.txt', '~']],
    ['ünïcödé "ö ä"', ['ünïcödé', 'ö ä']],
  ])('%j → %j', (line, words) => {
    expect(shellSplit(line)).toEqual({ ok: true, value: words });
  });

  it.each(["it's", '"abc', 'a "b c', "'", "x y 'z"])('%j → Unmatched quote', (line) => {
    expect(shellSplit(line)).toEqual({ ok: false, error: 'Unmatched quote' });
  });
});

describe('shellEscape', () => {
  it.each<[string, string]>([
    ['abc', 'abc'],
    ['a-b_c.d,e:f+g/h@i%j=k', 'a-b_c.d,e:f+g/h@i%j=k'],
    ['', "''"],
    ['a b', "'a b'"],
    ["it's", '"it\'s"'],
    ['say "hi"', '\'say "hi"\''],
    ['hi!', "'hi!'"],
    ["don't panic!", "'don'\\''t panic!'"],
    ['$HOME', "'$HOME'"],
    ['*', "'*'"],
    ['~', "'~'"],
    ['#comment', "'#comment'"],
    ['sh -c \'echo "$X"\'', '"sh -c \'echo \\"\\$X\\"\'"'],
    ['a\\b', "'a\\b'"],
    ['two\nlines', "'two\nlines'"],
  ])('%j → %s', (word, quoted) => {
    expect(shellEscape(word)).toBe(quoted);
  });
});

describe('shellJoin', () => {
  const tricky = [
    '',
    ' ',
    "'",
    '"',
    '\\',
    '$HOME',
    'a b',
    '\n',
    '!',
    "it's",
    'say "hi"',
    '\\n',
    'tab\there',
    'ü',
    '*',
    '~',
    '#x',
    'a\'b"c$`d\\e!f',
    '-p',
    '--',
    "''",
    '\\\n',
  ];

  it('joins words into a line that splits back into the same words', () => {
    expect(shellSplit(shellJoin(tricky))).toEqual({ ok: true, value: tricky });
    for (const word of tricky) expect(shellSplit(shellEscape(word))).toEqual({ ok: true, value: [word] });
  });

  it('joins plain words with single spaces', () => {
    expect(shellJoin(['redis-server', '--appendonly', 'yes'])).toBe('redis-server --appendonly yes');
    expect(shellJoin(['sh', '-c', 'echo hi'])).toBe("sh -c 'echo hi'");
    expect(shellJoin([])).toBe('');
  });
});

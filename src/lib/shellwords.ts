import { fail, ok, type ParseResult } from './options/result';

/**
 * Ruby's `Shellwords.split`, which the CLI uses for `--cmd`, token for token: a word is
 * a run of bare characters, `'single quoted'` text (taken literally),
 * `"double quoted"` text (where `\` escapes only `$`, `` ` ``, `"`, `\` and a newline),
 * and `\x` escapes, all glued together until whitespace. An unmatched quote is an
 * error. Like Ruby (and unlike a shell), a backslash before a newline is kept.
 * Whitespace is Ruby's `\s`: space, tab, newline, vertical tab, form feed, CR.
 */
const TOKEN = /[ \t\n\v\f\r]*(?:([^ \t\n\v\f\r\\'"]+)|'([^']*)'|"((?:[^"\\]|\\[\s\S])*)"|(\\[\s\S]?)|([^ \t\n\v\f\r]))/y;
const BLANK = /[ \t\n\v\f\r]/;

export function shellSplit(line: string): ParseResult<string[]> {
  const words: string[] = [];
  const token = new RegExp(TOKEN.source, 'y');
  let field = '';
  for (let match = token.exec(line); match !== null; match = token.exec(line)) {
    const [, word, single, double, escape, garbage] = match;
    if (garbage !== undefined) return fail('Unmatched quote');
    if (word !== undefined) field += word;
    else if (single !== undefined) field += single;
    else if (double !== undefined) field += double.replace(/\\([$`"\\\n])/g, '$1');
    else if (escape !== undefined) field += escape.replace(/\\([^\n])/g, '$1');
    // Ruby's pattern ends with `(\s|\z)?`; JavaScript cannot capture an empty match of
    // an optional group, so the end of a word is checked by looking ahead instead.
    const next = line[token.lastIndex];
    if (next === undefined || BLANK.test(next)) {
      words.push(field);
      field = '';
    }
  }
  return ok(words);
}

/** Characters that never need quoting in a POSIX shell (or for `Shellwords.split`). */
const SAFE_WORD = /^[A-Za-z0-9_\-.,:+/@%=]+$/;

/**
 * One word quoted for a POSIX shell, only when needed, choosing the shorter of
 * `'single'` and `"double"` quoting (double quotes only when there is no `!`, which
 * interactive bash would expand even inside them). `Shellwords.split` and bash both
 * read the result back as the same word.
 */
export function shellEscape(word: string): string {
  if (word === '') return "''";
  if (SAFE_WORD.test(word)) return word;
  const single = `'${word.replace(/'/g, `'\\''`)}'`;
  if (word.includes('!')) return single;
  const double = `"${word.replace(/[$`"\\]/g, '\\$&')}"`;
  return double.length < single.length ? double : single;
}

/** Words into one command line that splits back into the same words. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellEscape).join(' ');
}

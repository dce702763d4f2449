/**
 * The few Ruby String behaviours the CLI's parsers depend on. The CLI's results (and
 * its quirks) follow from them, so they are reproduced exactly rather than approximated
 * with JavaScript's own `split`/`parseInt`.
 */

/**
 * Ruby `str.split(sep)` with a string separator: empty input gives `[]`, and trailing
 * empty fields are dropped (`"a:b:".split(':')` is `["a", "b"]`), leading ones are kept.
 */
export function rubySplit(value: string, separator: string): string[] {
  const parts = value.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * Ruby `String#to_i`: leading whitespace, an optional sign, then digits (underscores
 * allowed between them); anything else stops the scan, and no digits at all gives 0.
 */
export function rubyToI(value: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+(?:_\d+)*)/.exec(value);
  if (match === null || match[1] === undefined) return 0;
  return Number.parseInt(match[1].replace(/_/g, ''), 10);
}

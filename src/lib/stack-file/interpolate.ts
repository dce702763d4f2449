/**
 * Variable interpolation as the CLI's stack reader does it for version 3 files: on the
 * raw text, line by line (so line numbers stay put), before the YAML is parsed. `$name`
 * and `${name}` are replaced; `$$` is an escaped `$`; lines that start with
 * `interpolate:` or `evaluate:` are left for the variable resolvers. A value with a
 * newline, quote or `|` is written as a double-quoted string (Ruby's `inspect`), and
 * `false`, null and empty values become the empty string (Ruby's truthiness).
 */
import type { StackVariableValue } from './stack-body';

/** `$VAR` or `${VAR}`, not after or before another `$` (the CLI's own pattern). */
const REFERENCE = /(?<!\$)\$(?!\$)\{?\w+\}?/g;

function keptAsWritten(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('interpolate:') || trimmed.startsWith('evaluate:');
}

function referenceName(reference: string): string {
  return reference.replace(/[${}]/g, '');
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The text with the braces of every `${name}` swapped for two private-use characters, so
 * that the file can be read as YAML before the values are in (`[${a}, ${b}]` would be a
 * YAML error otherwise); same length, so lines and columns stay. `restoreBraces` undoes it.
 */
export function protectBraces(text: string): string {
  return text.replace(REFERENCE, (reference) => reference.replace('{', OPEN).replace('}', CLOSE));
}

/** Undoes `protectBraces` in every text (and key) of a parsed value. */
export function restoreBraces(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(OPEN, '{').replaceAll(CLOSE, '}');
  if (Array.isArray(value)) return value.map(restoreBraces);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [restoreBraces(key), restoreBraces(item)]));
  }
  return value;
}

/** Every `${name}` of the text, with its 1-based line and column. */
export function findReferences(text: string): { name: string; line: number; column: number }[] {
  const found: { name: string; line: number; column: number }[] = [];
  text.split(/\r\n|[\r\n]/).forEach((line, index) => {
    if (keptAsWritten(line)) return;
    for (const match of line.matchAll(REFERENCE)) {
      found.push({ name: referenceName(match[0]), line: index + 1, column: match.index + 1 });
    }
  });
  return found;
}

/** The escapes of Ruby's String#inspect that YAML's double-quoted style reads back alike. */
const RUBY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  [String.fromCharCode(27)]: '\\e',
};

function rubyInspect(text: string): string {
  return `"${Array.from(text, (char) => RUBY_ESCAPES[char] ?? char).join('')}"`;
}

function shown(value: StackVariableValue): string {
  if (value === null || value === false) return '';
  const text = String(value);
  return /[\r\n"'|]/.test(text) ? rubyInspect(text) : text;
}

/**
 * The text with every reference replaced by `lookup(name)`. The caller has already
 * refused unknown names, so `undefined` only happens for names the caller chose to blank.
 */
export function interpolate(text: string, lookup: (name: string) => StackVariableValue | undefined): string {
  const lines = text
    .split(/\r\n|[\r\n]/)
    .map((line) => (keptAsWritten(line) ? line : line.replace(REFERENCE, (reference) => shown(lookup(referenceName(reference)) ?? null))));
  return lines.join('\n').replaceAll('$$', '$');
}

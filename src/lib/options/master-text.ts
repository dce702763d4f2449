import { shownValue } from './shown-value';

/**
 * What the master keeps of a string input (docs/kontena-api.md §3.1, the `mutations` gem's
 * StringFilter): every run of characters that Ruby does not count as printable becomes
 * one space (controls other than tab, CR and LF; U+2028 and U+2029; surrogates;
 * unassigned code points), then ASCII blanks are stripped from both ends. Format
 * characters (U+202E, U+200B, the ZWJ of an emoji sequence) are printable to Ruby and
 * kept.
 */
const UNPRINTABLE = /(?:(?![\t\r\n])[\p{Cc}\p{Cs}\p{Cn}\u2028\u2029])+/gu;
const RUBY_BLANKS = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

export function masterText(raw: string): string {
  return raw.replace(UNPRINTABLE, ' ').replace(RUBY_BLANKS, '');
}

/** Half of a surrogate pair with no other half: not a character, and no JSON parser agrees on it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A refusal for text that holds a broken character (a lone UTF-16 surrogate, which can
 * only come from a damaged paste), or null. It is refused rather than sent: what the
 * master's JSON parser would make of it is not what was typed.
 */
export function brokenTextError(raw: string): string | null {
  if (!LONE_SURROGATE.test(raw)) return null;
  return `This text has a broken character (half of a surrogate pair) in “${shownValue(raw)}”: delete it and type the text again`;
}

/** True when the master would store something else than these characters (trimming apart). */
export function masterReplacesCharacters(raw: string): boolean {
  return new RegExp(UNPRINTABLE.source, 'u').test(raw);
}

/** The warning for text whose control characters the master turns into spaces, or null. */
export function controlCharactersWarning(raw: string): string | null {
  if (!masterReplacesCharacters(raw)) return null;
  return `The master turns control characters into spaces: it stores “${shownValue(masterText(raw))}”`;
}

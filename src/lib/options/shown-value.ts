/**
 * A value the user typed, as it may be quoted inside a message. Messages put the input
 * in a sentence ("Invalid port value …: use …"), where some characters would do harm:
 * a bidi override (U+202E) reverses the rest of the sentence, a control or zero-width
 * character hides what is wrong, and 10,000 characters bury the advice. So those
 * characters are written as escapes (`\u{202E}`, `\t`) and a long value is cut, with its
 * length said. The joiners of emoji and scripts (ZWJ, ZWNJ) are left alone.
 */
const HIDDEN = /\p{Cc}|\p{Zl}|\p{Zp}|\p{Cs}|(?![\u200C\u200D])\p{Cf}/gu;
const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Code points kept of a long value, and the length from which it is cut. */
const KEPT = 40;
const CUT_FROM = 60;

function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (ch) => NAMED[ch] ?? `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

export function shownValue(raw: string): string {
  const points = Array.from(raw);
  if (points.length < CUT_FROM) return escapeHidden(raw);
  return `${escapeHidden(points.slice(0, KEPT).join(''))}… (${points.length.toLocaleString('en-US')} characters)`;
}

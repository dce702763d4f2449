/**
 * Hostile input for the fuzz tests of every form (#15 item 7): markup, script URLs,
 * a very long string, bidi and zero-width characters, NUL and control characters,
 * emoji (ZWJ sequences, astral planes), path traversal, CRLF injection, quotes, a lone
 * surrogate, blank and padded text, and number-like strings a parser could misread.
 *
 * `masterStores` is what the master keeps of the string as a plain string input
 * (docs/kontena-api.md §3.1, the `mutations` StringFilter): characters that are not
 * `[[:print:]]` (controls other than tab, CR and LF, U+2028/U+2029, surrogates) become
 * one space per run, then ASCII blanks are stripped from both ends. Format characters
 * such as U+202E, U+200B and the ZWJ of an emoji sequence are printable to Ruby and kept.
 * null: the master refuses it as a string input ("can't be blank").
 */
export interface HostileString {
  /** A short name for test titles. */
  id: string;
  value: string;
  masterStores: string | null;
}

export const LONG_LENGTH = 10_000;

export const HOSTILE_STRINGS: readonly HostileString[] = [
  { id: 'html img onerror', value: '<img src=x onerror=alert(1)>', masterStores: '<img src=x onerror=alert(1)>' },
  { id: 'script element', value: '<script>alert(1)</script>', masterStores: '<script>alert(1)</script>' },
  { id: 'javascript: URL', value: 'javascript:alert(1)', masterStores: 'javascript:alert(1)' },
  { id: '10,000 characters', value: 'k'.repeat(LONG_LENGTH), masterStores: 'k'.repeat(LONG_LENGTH) },
  { id: 'RTL override', value: 'invoice\u202Etxt.exe', masterStores: 'invoice\u202Etxt.exe' },
  { id: 'NUL', value: 'a\u0000b', masterStores: 'a b' },
  { id: 'emoji ZWJ sequence', value: '👩‍💻👨‍👩‍👧‍👦', masterStores: '👩‍💻👨‍👩‍👧‍👦' },
  { id: 'astral characters', value: '𝕳𝖔𝖘𝖙🚀', masterStores: '𝕳𝖔𝖘𝖙🚀' },
  { id: 'path traversal', value: '../../etc/passwd', masterStores: '../../etc/passwd' },
  { id: 'encoded traversal', value: '..%2f..%2fetc%2fpasswd', masterStores: '..%2f..%2fetc%2fpasswd' },
  { id: 'percent-encoded NUL', value: '%00', masterStores: '%00' },
  { id: 'CRLF injection', value: 'a\r\nSet-Cookie: x=1', masterStores: 'a\r\nSet-Cookie: x=1' },
  { id: 'quotes and backtick', value: '"\'`', masterStores: '"\'`' },
  { id: 'shell substitution', value: '$(touch /tmp/pwned)', masterStores: '$(touch /tmp/pwned)' },
  { id: 'terminal escape', value: '\u001b[31mred\u001b[0m\u0007', masterStores: '[31mred [0m' },
  { id: 'lone surrogate', value: 'a\uD800b', masterStores: 'a b' },
  { id: 'whitespace only', value: '  \t  ', masterStores: null },
  { id: 'leading and trailing spaces', value: '  padded  ', masterStores: 'padded' },
  { id: 'zero-width space', value: 'a\u200Bb', masterStores: 'a\u200Bb' },
  { id: '1e309', value: '1e309', masterStores: '1e309' },
  { id: '-0', value: '-0', masterStores: '-0' },
  { id: 'NaN', value: 'NaN', masterStores: 'NaN' },
  { id: '0x10', value: '0x10', masterStores: '0x10' },
];

/** The strings as `[id, entry]` pairs for `it.each`/`describe.each` titles. */
export const HOSTILE_CASES: readonly [string, HostileString][] = HOSTILE_STRINGS.map((entry) => [entry.id, entry]);

/** The text with each lone surrogate as U+FFFD, as URLSearchParams and TextEncoder write it. */
export function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/**
 * Markup that must never turn into elements or live URLs once a hostile string is shown:
 * call it on a container after rendering what the user typed. It returns what it found,
 * so a failing test names it.
 */
export function injectedMarkup(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('script, iframe, object, embed, img[src="x"], img[onerror]'))
    found.push(el.outerHTML.slice(0, 120));
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}"`);
      if (
        (attr.name === 'href' || attr.name === 'src' || attr.name === 'action' || attr.name === 'formaction') &&
        /^\s*javascript:/i.test(attr.value)
      ) {
        found.push(`${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}"`);
      }
    }
  }
  return found;
}

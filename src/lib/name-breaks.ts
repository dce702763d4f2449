/**
 * Where a DNS name or an id may wrap: after each dot and slash, so that
 * `api-1.production.kontena.local` wraps as `api-1.production.` / `kontena.local` and
 * `production/null/api` as `production/` / `null/api`, never inside a label.
 */
export function nameSegments(text: string): string[] {
  const segments: string[] = [];
  const isSeparator = (ch: string | undefined) => ch === '.' || ch === '/';
  let start = 0;
  let word = false;
  for (let i = 0; i < text.length - 1; i++) {
    const separator = isSeparator(text[i]);
    word ||= !separator;
    // A run of separators ("..", "//") stays together, and so does one that starts the text.
    if (separator && word && !isSeparator(text[i + 1])) {
      segments.push(text.slice(start, i + 1));
      start = i + 1;
      word = false;
    }
  }
  segments.push(text.slice(start));
  return segments;
}

/**
 * The master's two timestamp encodings (docs/kontena-api.md §0): Mongoid `Time` fields end in
 * `Z`, `DateTime` fields (deploy started_at/finished_at, metrics timestamps) in `+00:00`.
 */
export function isoZ(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOffset(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '+00:00');
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoZ(ms);
}

/** Ruby `Time#to_s` in UTC, which is what the deployer stores as a container's deploy_rev. */
export function rubyTimeString(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * Ruby `Time.parse`/`DateTime.parse` are lenient; Date.parse is close enough for the
 * ISO-8601 strings clients send. Returns null when the text is not a time.
 */
export function parseTime(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const ms = Date.parse(trimmed);
  if (!Number.isNaN(ms)) return ms;
  // An unencoded "+00:00" offset arrives as " 00:00" once the query string is decoded.
  const plus = Date.parse(trimmed.replace(/ (\d\d:?\d\d)$/, '+$1'));
  return Number.isNaN(plus) ? null : plus;
}

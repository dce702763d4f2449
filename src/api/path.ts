/**
 * Builds a master path from a template, percent-encoding every interpolated value as
 * one segment: apiPath`/v1/services/${grid}/${stack}/${name}`. The `/` separators of
 * the template stay as they are (docs/kontena-api.md §1.3).
 */
export function apiPath(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  let out = strings[0] ?? '';
  segments.forEach((segment, i) => {
    out += encodeURIComponent(String(segment)) + (strings[i + 1] ?? '');
  });
  return out;
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** "?a=1&b=x" for the defined entries, "" when none. */
export function queryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

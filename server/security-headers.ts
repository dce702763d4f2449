/**
 * The security headers of every response of serve.ts: one set for the SPA's pages and
 * files, a stricter one for everything that is not a page (the master's JSON and streams,
 * proxied or simulated, and this server's own JSON errors). deploy/nginx.conf sends the
 * same values.
 */
export type HeaderSet = Readonly<Record<string, string>>;

/** The SPA's documents and files: only its own scripts and styles, framed by nobody unless asked. */
export function pageHeaders(frameAncestors: readonly string[] = []): HeaderSet {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'";
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(frameAncestors.length === 0 ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}

/**
 * Data, never a document: opened as a page it may load nothing, run nothing (sandbox) and
 * be framed by nobody; other origins may not embed it (CORP). fetch() from the app is
 * unaffected: a CSP on a fetched response does not apply to the page that fetched it.
 */
export const API_HEADERS: HeaderSet = {
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Lower-cased names, to drop the master's own versions of these headers. */
export const SECURITY_HEADER_NAMES: ReadonlySet<string> = new Set(
  [...Object.keys(API_HEADERS), ...Object.keys(pageHeaders())].map((name) => name.toLowerCase()),
);

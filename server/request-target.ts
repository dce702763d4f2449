/**
 * One meaning per request path, decided before anything is routed or forwarded.
 *
 * The proxy's allow-list (`/v1/…`, `/oauth2/…`) is only as good as the path it looks at:
 * `GET /v1/../code` starts with `/v1/` yet names the master's `/code` page to any parser
 * that resolves dot segments, and `/v1/%2e%2e/code`, `/v1/..%2fcode` or `/v1\..\code`
 * do the same to parsers that decode escapes or read `\` as `/` (WHATWG URL does both).
 *
 * So the path is first normalised as RFC 3986 §6.2.2 says — escapes of unreserved
 * characters decoded (`%2e` is `.`, `%76` is `v`), other escapes in upper case — and then
 * refused if anything is left that some parser on the way could still read as another
 * path: a `.` or `..` segment (also as `..;x`), an empty segment (`//`), an encoded `/` or
 * `\`, a raw `\`, an encoded `%` (double encoding), a control character raw or encoded, a
 * malformed escape, raw bytes outside printable ASCII. Browsers never send any of these
 * (they resolve dot segments and encode the rest), nor does the app: valid Kontena names
 * never need encoding (docs/kontena-api.md §1.3). What is accepted has one meaning whoever
 * reads it, so "normalises to /v1/…" and "starts with /v1/" are the same test, and the
 * normalised form is what is forwarded. Escapes of other characters (`%20`, `%C3%A9`)
 * stay as they are: the master compares raw segments, so they reach it unchanged.
 * The query string is passed on untouched: it routes nothing.
 */

/** Longest request target (path and query) accepted: nginx's default request line buffer. */
export const MAX_REQUEST_TARGET = 8192;

type RequestTarget =
  | {
      ok: true;
      /** The normalised path. */
      path: string;
      /** `?…` as received, or "". */
      search: string;
      /** `path + search`: what is routed, served and forwarded. */
      url: string;
      /** Whether it is the master's API (`/v1`, `/oauth2` and below). */
      api: boolean;
    }
  | { ok: false; status: 400 | 414; error: string };

const API_ROOTS = new Set(['v1', 'oauth2']);

const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/** RFC 3986 unreserved characters: the only ones whose escapes are decoded. */
const isUnreserved = (code: number): boolean => /^[A-Za-z0-9\-._~]$/.test(String.fromCharCode(code));

function refuse(error: string): RequestTarget {
  return { ok: false, status: 400, error };
}

/** Normalises the escapes of one path; a string is the reason to refuse it. */
function normaliseEscapes(rawPath: string): { path: string } | { refused: string } {
  let out = '';
  for (let i = 0; i < rawPath.length; i++) {
    const c = rawPath.charAt(i);
    const code = rawPath.charCodeAt(i);
    if (c === '\\') return { refused: 'a backslash in the path' };
    if (code < 0x21 || code > 0x7e) return { refused: 'a control, space or non-ASCII character in the path (it must be percent-encoded)' };
    if (c !== '%') {
      out += c;
      continue;
    }
    const hi = rawPath[i + 1];
    const lo = rawPath[i + 2];
    if (!isHex(hi) || !isHex(lo)) return { refused: 'a malformed percent-escape in the path' };
    const byte = parseInt(`${hi}${lo}`, 16);
    if (byte === 0x2f || byte === 0x5c) return { refused: 'an encoded slash or backslash (%2F, %5C) in the path' };
    if (byte === 0x25) return { refused: 'an encoded percent sign (%25, double encoding) in the path' };
    if (byte < 0x20 || byte === 0x7f) return { refused: 'an encoded control character in the path' };
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${hi}${lo}`.toUpperCase();
    i += 2;
  }
  return { path: out };
}

export function normaliseRequestTarget(raw: string): RequestTarget {
  if (raw.length > MAX_REQUEST_TARGET)
    return { ok: false, status: 414, error: `request target longer than ${MAX_REQUEST_TARGET} characters` };
  // Absolute-form (`GET http://host/v1/… HTTP/1.1`) and `*` are for proxies, not for us.
  if (!raw.startsWith('/')) return refuse('the request target is not a path');
  if (raw.includes('#')) return refuse('a fragment (#) in the request target');
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  const search = q < 0 ? '' : raw.slice(q);

  const normalised = normaliseEscapes(rawPath);
  if ('refused' in normalised) return refuse(normalised.refused);
  const path = normalised.path;

  const segments = path.split('/').slice(1);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    // A trailing slash is an empty last segment (`/`, `/v1/grids/`); any other is `//`.
    if (segment === '' && i < segments.length - 1) return refuse('an empty path segment (//)');
    // `..;x` is `..` to servlet containers (path parameters): refused with the plain ones.
    const beforeParams = segment.split(';')[0];
    if (beforeParams === '.' || beforeParams === '..') return refuse('a dot segment (. or ..) in the path');
  }
  const api = API_ROOTS.has(segments[0] ?? '');
  return { ok: true, path, search, url: path + search, api };
}

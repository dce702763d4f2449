/**
 * The built SPA: GET and HEAD only (anything else is a 405 naming them), deep links fall
 * back to index.html, which is never cached, while hashed assets are immutable. Files go
 * out precompressed when the build made a `.br` or `.gz` next to them
 * (scripts/compress-plugin.ts) and the client accepts that encoding; nothing is
 * compressed on the fly.
 */
import type http from 'node:http';
import sirv from 'sirv';
import { sendJson } from './json-answers';
import type { HeaderSet } from './security-headers';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The encodings of `Accept-Encoding` we have files for, refused ones (`;q=0`) left out,
 * as a header sirv reads right (it only looks for the substrings "br" and "gzip").
 */
function acceptedEncodings(header: string | string[] | undefined): string {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (coding === 'br' || coding === 'gzip') accepted.add(coding);
    else if (coding === '*') ['br', 'gzip'].forEach((c) => accepted.add(c));
  }
  return [...accepted].join(', ');
}

export function createStaticFiles(
  distDir: string,
  headers: HeaderSet,
): (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => void {
  const files = sirv(distDir, { single: true, dev: false, etag: true, brotli: true, gzip: true });
  return (req, res, pathname) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, {
        status: 405,
        body: { error: `${method} is not allowed here: the dashboard's files answer GET and HEAD` },
        headers: { Allow: 'GET, HEAD' },
      });
      return;
    }
    req.headers['accept-encoding'] = acceptedEncodings(req.headers['accept-encoding']);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Set here rather than left to sirv, so a 304 carries them too.
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    files(req, res, () => sendJson(res, { status: 404, body: { error: 'Not found' } }));
  };
}

/**
 * The same-origin proxy to the Kontena Master (docs/kontena-api.md §2.4: the master sends no
 * CORS headers). Small on purpose, so each promise of serve.ts is visible here:
 *
 * - it forwards the path it is given — serve.ts's normalised one (request-target.ts),
 *   never the raw request line;
 * - a request body is read whole (bounded) before the master is asked, so a slow or
 *   abandoned upload never holds a connection to the master;
 * - the master's answer goes out as it comes: one write per chunk received, no buffering,
 *   no compression, the master's Content-Type and the rest of its headers kept, with this
 *   server's API security headers put over any the master sent;
 * - when the master's answer breaks (its connection reset or closed mid-body, or silent for
 *   `idleTimeoutMs`) the client's response is cut at once, so a log tail never stays
 *   "live" on a dead master; when the client goes away, the master's request is cut;
 * - a master that cannot be reached, or says nothing for `idleTimeoutMs` before answering,
 *   gets a JSON 502/504 marked `proxy: "upstream_unreachable"` (src/api/http-errors.ts).
 *
 * Silence is the only upstream timeout: a stream that flows (the master writes a keep-alive
 * space every 0.5 s, §4.11) is never cut however long it lasts.
 */
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import { sendJson } from './json-answers';
import { declaresTooLarge, readRequestBody } from './request-body';
import { API_HEADERS, SECURITY_HEADER_NAMES } from './security-headers';

interface MasterProxyOptions {
  upstream: URL;
  /** For https masters: the agent that holds the trusted CA (--ca-file). */
  agent?: http.Agent;
  maxBodyBytes: number;
  /** Silence from the master — connecting, before its answer, between chunks — after which the exchange is given up. */
  idleTimeoutMs: number;
}

/** Headers of one connection, not of the message: never forwarded either way (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

type HeaderMap = Record<string, string | string[]>;

class MasterSilent extends Error {
  constructor(ms: number) {
    super(`no answer in ${Math.round(ms / 1000)} s`);
    this.name = 'MasterSilent';
  }
}

/** Pairs of `rawHeaders` minus hop-by-hop ones (and those `Connection` names), duplicates kept. */
function endToEndHeaders(rawHeaders: readonly string[], connection: string | undefined, drop: ReadonlySet<string> = new Set()): HeaderMap {
  const named = new Set(
    (connection ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: HeaderMap = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]?.toLowerCase();
    const value = rawHeaders[i + 1];
    if (name === undefined || value === undefined || HOP_BY_HOP.has(name) || named.has(name) || drop.has(name)) continue;
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

function forwardedHeaders(req: http.IncomingMessage, upstream: URL, bodyLength: number | null): HeaderMap {
  // `expect` was answered here (Node sends the 100 Continue); `host` becomes the master's.
  const headers = endToEndHeaders(req.rawHeaders, req.headers.connection, new Set(['host', 'expect', 'content-length']));
  const client = req.socket.remoteAddress ?? '';
  const before = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = before ? `${before}, ${client}` : client;
  headers['x-forwarded-proto'] ??= 'http';
  if (req.headers.host) headers['x-forwarded-host'] ??= req.headers.host;
  headers.host = upstream.host;
  if (bodyLength !== null) headers['content-length'] = String(bodyLength);
  return headers;
}

export function createMasterProxy(options: MasterProxyOptions): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const { upstream, agent, maxBodyBytes, idleTimeoutMs } = options;
  const basePath = upstream.pathname.replace(/\/+$/, '');
  const hostname = upstream.hostname.replace(/^\[(.*)\]$/, '$1');
  const transport = upstream.protocol === 'https:' ? https : http;
  const tooLarge = { status: 413, body: { error: `Request body larger than ${maxBodyBytes} bytes` }, headers: { Connection: 'close' } };

  return (req, res) => {
    if (declaresTooLarge(req, maxBodyBytes)) {
      sendJson(res, tooLarge);
      return;
    }
    readRequestBody(req, maxBodyBytes)
      .then((read) => {
        if (read.kind === 'too-large') sendJson(res, tooLarge);
        if (read.kind !== 'complete' || res.destroyed) return;
        const method = req.method ?? 'GET';
        const hasBody = read.body.length > 0 || (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && method !== 'DELETE');
        forward(req, res, method, hasBody ? read.body : null);
      })
      .catch((err: unknown) => {
        // http.request refused the request before sending it (a header it will not write).
        sendJson(res, { status: 502, body: { error: `Cannot forward the request to the master (${(err as Error).message})` } });
      });
  };

  function forward(req: http.IncomingMessage, res: http.ServerResponse, method: string, body: Buffer | null): void {
    const outgoing = transport.request({
      protocol: upstream.protocol,
      hostname,
      port: upstream.port || undefined,
      method,
      path: basePath + (req.url ?? '/'),
      headers: forwardedHeaders(req, upstream, body === null ? null : body.length),
      agent,
    });
    outgoing.setTimeout(idleTimeoutMs, () => outgoing.destroy(new MasterSilent(idleTimeoutMs)));
    // The client went away (or was cut) before the master answered: free the master.
    res.once('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });

    outgoing.on('error', (err: NodeJS.ErrnoException) => {
      if (res.destroyed) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const silent = err instanceof MasterSilent;
      const why = silent ? err.message : (err.code ?? err.message);
      sendJson(res, {
        status: silent ? 504 : 502,
        // `proxy` tells the app this came from here, not from the master.
        body: { error: `Kontena Master at ${upstream.origin} is unreachable (${why})`, proxy: 'upstream_unreachable' },
      });
    });

    outgoing.on('response', (answer) => {
      if (res.destroyed) {
        answer.destroy();
        return;
      }
      const headers: HeaderMap = {
        ...endToEndHeaders(answer.rawHeaders, answer.headers.connection, SECURITY_HEADER_NAMES),
        ...API_HEADERS,
      };
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      if (answer.headers['content-length'] === undefined) {
        // A stream (the master's log and event tails are chunked with no length): the
        // client sees the status now, and every chunk as soon as it is written.
        res.socket?.setNoDelay(true);
        res.flushHeaders();
      }
      // pipeline ends the client's response when the master's ends, and destroys it when
      // the master's breaks (a reset or closed connection mid-body is an error here), or
      // the master's when the client's goes away.
      pipeline(answer, res, (err) => {
        if (err) {
          res.destroy();
          outgoing.destroy();
        }
      });
    });

    outgoing.end(body ?? undefined);
  }
}

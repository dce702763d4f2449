/**
 * serve.ts's own answers (refused paths, wrong methods, timeouts, an unreachable master):
 * small JSON bodies with the API's security headers, never cached.
 */
import http from 'node:http';
import { API_HEADERS } from './security-headers';

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Extra headers (`Allow`, `Connection: close`). */
  headers?: Record<string, string>;
}

function answerHeaders(text: string, extra: Record<string, string> = {}): Record<string, string | number> {
  return {
    ...API_HEADERS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  };
}

/** Answers on `res`; if the response has already begun, the only honest thing left is to cut it. */
export function sendJson(res: http.ServerResponse, answer: JsonAnswer): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(answer.body);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(answer.status, answerHeaders(text, answer.headers));
  res.end(text);
}

/**
 * The same answer as raw HTTP/1.1 bytes, for a socket Node's parser gave up on (a timeout
 * or malformed request: there is no ServerResponse then). It always closes the connection.
 */
export function rawJsonResponse(answer: JsonAnswer): string {
  const text = JSON.stringify(answer.body);
  const headers = answerHeaders(text, { ...answer.headers, Connection: 'close' });
  const reason = http.STATUS_CODES[answer.status] ?? 'Error';
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${text}`;
}

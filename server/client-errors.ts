/**
 * The answers Node's HTTP server would otherwise write by itself, bare: a request whose
 * headers or body did not arrive in time (408), headers too large (431), a request the
 * parser cannot read (400), an `Expect` it cannot meet (417). Here they carry the same
 * security headers as every other answer. Node's own answer would be written on the
 * socket directly, so these are too, unless a response to that socket has begun (then the
 * connection is only closed).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { rawJsonResponse, sendJson, type JsonAnswer } from './json-answers';

function answerFor(err: NodeJS.ErrnoException): JsonAnswer {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, body: { error: 'The request did not arrive in time' } };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, body: { error: 'Request headers too large' } };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, body: { error: 'Chunk extensions too large' } };
    default:
      return { status: 400, body: { error: 'Bad request' } };
  }
}

/**
 * `responseOf(socket)` is the response in progress on that socket, if any (serve.ts tracks
 * it; Node keeps its own only in a private field).
 */
export function answerClientErrors(server: http.Server, responseOf: (socket: Duplex) => http.ServerResponse | undefined): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const res = responseOf(socket);
    if (err.code === 'ECONNRESET' || !socket.writable || res?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(rawJsonResponse(answerFor(err)), () => socket.destroy());
    // A client that never reads must not keep the socket.
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  server.on('checkExpectation', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    sendJson(res, { status: 417, body: { error: 'Only "Expect: 100-continue" is understood' } });
  });
}

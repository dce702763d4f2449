/**
 * Reads a request body whole before anything is asked of the master, so a client that
 * sends its body slowly (or never finishes it) holds no connection to the master: the
 * server's request timeout cuts it while only this server is waiting. The master's
 * request bodies are small JSON documents; `maxBytes` bounds the memory one request takes.
 */
import type { IncomingMessage } from 'node:http';

type BodyResult = { kind: 'complete'; body: Buffer } | { kind: 'too-large' } | { kind: 'gone' };

/** 1 MiB, as nginx's default client_max_body_size (deploy/nginx.conf says it too). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The declared length is over the limit: answer 413 before reading a byte. */
export function declaresTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > maxBytes;
}

export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        // The rest is read and dropped while the 413 goes out on a closing connection.
        req.resume();
        finish({ kind: 'too-large' });
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => finish({ kind: 'complete', body: Buffer.concat(chunks) });
    // 'close' before 'end': the client went away, or the server's request timeout cut it.
    const onClose = (): void => finish({ kind: 'gone' });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.once('error', onClose);
  });
}

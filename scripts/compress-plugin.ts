/**
 * Build-time compression: after `vite build` has written its files, every compressible
 * one (JavaScript, CSS, HTML, SVG, JSON…) of at least MIN_BYTES gets a `.br` (brotli,
 * quality 11) and a `.gz` (gzip -9) beside it, kept only when smaller. server/serve.ts
 * (sirv) and deploy/nginx.conf (gzip_static) send those by the request's Accept-Encoding,
 * so nothing is compressed per request and the first route goes out at its compressed
 * size. node:zlib does both; no package needed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats (and the icon) that compress; images and fonts already are compressed. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|map|ico|wasm)$/i;
/** Below this, the compressed file saves less than the round trip it rides on. */
export const MIN_BYTES = 512;

export interface CompressedFile {
  /** Relative to the folder, with `/`. */
  file: string;
  size: number;
  br: number | null;
  gzip: number | null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Writes the `.br` and `.gz` of every compressible file under `dir`. Any `.br`/`.gz`
 * already there goes first: an outDir that is not emptied (one outside the project) must
 * not keep a stale one that would be served instead of its new original.
 */
export async function compressDir(dir: string): Promise<CompressedFile[]> {
  const before = await filesUnder(dir);
  await Promise.all(before.filter((f) => f.endsWith('.br') || f.endsWith('.gz')).map((f) => fs.rm(f)));
  const sources = before.filter((f) => COMPRESSIBLE.test(f));
  // zlib's async calls run on libuv's thread pool: every file at once uses every core.
  return Promise.all(sources.map((file) => compressFile(dir, file)));
}

async function compressFile(dir: string, file: string): Promise<CompressedFile> {
  const data = await fs.readFile(file);
  const result: CompressedFile = { file: path.relative(dir, file).split(path.sep).join('/'), size: data.length, br: null, gzip: null };
  if (data.length < MIN_BYTES) return result;
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: 9 }),
  ]);
  if (br.length < data.length) {
    await fs.writeFile(`${file}.br`, br);
    result.br = br.length;
  }
  if (gz.length < data.length) {
    await fs.writeFile(`${file}.gz`, gz);
    result.gzip = gz.length;
  }
  return result;
}

/** The Vite plugin: production builds only, once every file (public/ too) is written. */
export function compressPlugin(): Plugin {
  return {
    name: 'kontena:precompress',
    apply: 'build',
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler(options) {
        if (options.dir) await compressDir(options.dir);
      },
    },
  };
}

// Bundle figures from the production build's manifest: what the first route loads
// (entry chunk + its static imports), gzip -9, and every lazy chunk.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

export function measureBundle(distDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('no entry in the manifest');

  const initial = new Set();
  const initialCss = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initialCss.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entryKey);

  const read = (file) => fs.readFileSync(path.join(distDir, file));
  const sum = (files) => [...files].reduce((n, f) => n + gzipSize(read(f)), 0);
  const allJs = fs
    .readdirSync(path.join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const lazy = allJs
    .filter((f) => !initial.has(f))
    .map((f) => ({ file: f, gzip: gzipSize(read(f)) }))
    .sort((a, b) => b.gzip - a.gzip);
  const initialText = [...initial].map((f) => read(f).toString('utf8')).join('\n');
  const everything = allJs.map((f) => read(f).toString('utf8')).join('\n');

  return {
    initialJsGzip: sum(initial),
    initialCssGzip: sum(initialCss),
    initialFiles: [...initial],
    allJsGzip: allJs.reduce((n, f) => n + gzipSize(read(f)), 0),
    lazy,
    checks: {
      // msw's worker client announces itself with this string; it must never ship.
      mswInDist: /mockServiceWorker|\[MSW\]/.test(everything),
      reactDevBuild: /react-dom-client\.development|Warning: React|dev build of React/.test(everything),
      rechartsInInitial: /recharts/i.test(initialText),
      xtermInInitial: /xterm/i.test(initialText),
    },
  };
}

/**
 * The first route as a browser gets it from server/serve.ts: each of its files fetched
 * with `Accept-Encoding: br, gzip`, bytes counted as they arrive (node:http does not
 * decompress). What Lighthouse calls the transfer size, less the response headers.
 */
export async function measureWire(distDir) {
  const { tsImport } = await import('tsx/esm/api');
  const http = await import('node:http');
  const { pathToFileURL, fileURLToPath } = await import('node:url');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { startServe } = await tsImport(pathToFileURL(path.join(root, 'server', 'serve.ts')).href, import.meta.url);
  const { initialFiles } = measureBundle(distDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const css = new Set(
    Object.values(manifest)
      .filter((c) => initialFiles.includes(c.file))
      .flatMap((c) => c.css ?? []),
  );
  // Nothing is asked of the master: the address only has to be a valid one.
  const web = await startServe({ port: 0, distDir, upstream: 'http://127.0.0.1:9' });
  const get = (file) =>
    new Promise((resolve, reject) => {
      http
        .get(`${web.url}/${file}`, { headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk) => (bytes += chunk.length));
          res.on('end', () => resolve({ file, bytes, encoding: res.headers['content-encoding'] ?? 'identity' }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  try {
    const js = await Promise.all(initialFiles.map(get));
    const styles = await Promise.all([...css].map(get));
    const html = await get('');
    const sum = (xs) => xs.reduce((n, x) => n + x.bytes, 0);
    return { jsBytes: sum(js), cssBytes: sum(styles), htmlBytes: html.bytes, files: [...js, ...styles, { ...html, file: 'index.html' }] };
  } finally {
    await web.close();
  }
}

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
  const allJs = fs.readdirSync(path.join(distDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = allJs.filter((f) => !initial.has(f)).map((f) => ({ file: f, gzip: gzipSize(read(f)) })).sort((a, b) => b.gzip - a.gzip);
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

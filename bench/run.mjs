#!/usr/bin/env node
// `npm run bench`: builds the production bundle and prints its figures against the
// budgets of docs/architecture.md. Performance is measured here, never in tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle, measureWire } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const b = measureBundle(path.join(root, 'dist'));
// As served: server/serve.ts sends the build's precompressed .br/.gz files.
const wire = await measureWire(path.join(root, 'dist'));
const wireJsCompressed = wire.files.filter((f) => f.file.endsWith('.js') && f.bytes >= 1024).every((f) => f.encoding !== 'identity');
const rows = [
  ['first route JS (gzip)', kb(b.initialJsGzip), '≤ 170 KB', b.initialJsGzip <= 170 * 1024],
  ['first route JS on the wire', kb(wire.jsBytes), '≤ 170 KB', wire.jsBytes <= 170 * 1024 && wireJsCompressed],
  ['first route CSS (gzip)', kb(b.initialCssGzip), '≤ 20 KB', b.initialCssGzip <= 20 * 1024],
  ['first route CSS on the wire', kb(wire.cssBytes), '≤ 20 KB', wire.cssBytes <= 20 * 1024],
  ['all JS chunks (gzip)', kb(b.allJsGzip), '≤ 450 KB', b.allJsGzip <= 450 * 1024],
  ['msw in dist/', b.checks.mswInDist ? 'yes' : 'no', 'no', !b.checks.mswInDist],
  ['React development build', b.checks.reactDevBuild ? 'yes' : 'no', 'no', !b.checks.reactDevBuild],
  ['recharts in first route', b.checks.rechartsInInitial ? 'yes' : 'no', 'no', !b.checks.rechartsInInitial],
  ['xterm in first route', b.checks.xtermInInitial ? 'yes' : 'no', 'no', !b.checks.xtermInInitial],
];
console.log('\nKontena Dashboard bench — production build');
for (const [name, value, budget, ok] of rows)
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(28)} ${value.padStart(10)}   budget ${budget}`);
console.log(`\nfirst route files: ${b.initialFiles.join(', ')}`);
console.log(
  `served by serve.ts (Accept-Encoding: br, gzip): ${wire.files.map((f) => `${f.file} ${kb(f.bytes)} ${f.encoding}`).join(', ')}`,
);
console.log('lazy chunks (gzip):');
for (const c of b.lazy.slice(0, 12)) console.log(`  ${kb(c.gzip).padStart(9)}  ${c.file}`);
let over = rows.filter((r) => !r[3]).length;

// The services list of the `large` grid (5,000 services): first render and a filter
// keystroke, in Chromium against this build (bench/list.mjs).
const { runListBench } = await import('./list.mjs');
over += await runListBench({ distDir: path.join(root, 'dist') });

// The grid overview of the same grid: its first render and its live polls (bench/overview.mjs).
const { runOverviewBench } = await import('./overview.mjs');
over += await runOverviewBench({ distDir: path.join(root, 'dist') });

// Live views: the stats tab (20 instances live) and the monitor (100 instances), in
// Chromium against this build. BENCH_STATS_SECONDS shortens the 2-minute stats run.
const { runLiveBench, printLiveBench } = await import('./stats.mjs');
const live = await runLiveBench({ distDir: path.join(root, 'dist'), statsSeconds: Number(process.env.BENCH_STATS_SECONDS ?? 120) });
over += printLiveBench(live);

// Wall soak (bench/soak.mjs): 24 h of simulated time on the wall, 10–20 minutes of real
// time on these machines, so only with `npm run bench -- --soak`. It runs under tsx
// (it starts the TypeScript mock master and server in-process).
if (process.argv.includes('--soak')) {
  console.log('');
  const soak = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'soak.mjs'), '--dist', path.join(root, 'dist')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (soak.status !== 0) over += 1;
} else {
  console.log('\nwall soak: skipped (24 h simulated takes 10–20 minutes; run `npm run bench -- --soak`)');
}

// Log tail (bench/logs.mjs): lines/s ingested and shown against raw batched xterm, frame
// gaps at 5,000 lines/s, heap after 1,000,000 lines, terminals left after 20 open/close.
const { benchLogs } = await import('./logs.mjs');
over += (await benchLogs({ distDir: path.join(root, 'dist') })).over;

console.log(over === 0 ? '\nall budgets met' : `\n${over} budget(s) over`);
process.exit(over === 0 ? 0 : 1);

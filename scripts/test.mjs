#!/usr/bin/env node
// `npm test`: lint, typecheck, Vitest, production build, Playwright — then one closing
// line `N passed, N failed[, N skipped]`, because CI reads neither Vitest's nor
// Playwright's own summaries. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensureNginx } from './system-deps.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.test-output');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, ok) {
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// Lint: ESLint (layers, import cycles, a11y), Prettier's check, and knip (dead code).
check(
  'lint',
  run('lint', npx, ['eslint', '.', '--max-warnings=0']) &&
    run('format', npx, ['prettier', '--check', '.', '--log-level', 'warn']) &&
    run('dead code', npx, ['knip', '--no-progress']),
);
check(
  'typecheck',
  run('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']) &&
    run('typecheck (node)', npx, ['tsc', '-p', 'tsconfig.node.json', '--noEmit']),
);

// Vitest: unit and integration tests (server/nginx.test.ts needs nginx).
const nginx = ensureNginx();
const vitestJson = path.join(out, 'vitest.json');
const vitestOk = run(
  'vitest',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  nginx ? { NGINX_PATH: nginx } : {},
);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if ((vitest.numFailedTests ?? 0) > 0) failures.push('vitest');
  if (!vitestOk && (vitest.numFailedTests ?? 0) === 0) check('vitest (suite errors)', false);
} else {
  check('vitest (no report)', false);
}

// The same unit and integration tests under other Node majors (TEST_ALSO_NODE="24", as
// .ci/run sets it): users run current Node releases, and Node 20 left support in April
// 2026. The registry's `node@N` package brings that Node; Vitest's workers inherit it.
for (const major of (process.env.TEST_ALSO_NODE ?? '').split(/[\s,]+/).filter(Boolean)) {
  const json = path.join(out, `vitest-node${major}.json`);
  const ok = run(
    `vitest (Node ${major})`,
    npx,
    [
      '--yes',
      `--package=node@${major}`,
      '--',
      'node',
      path.join('node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${json}`,
    ],
    nginx ? { NGINX_PATH: nginx } : {},
  );
  const report = readJson(json);
  if (report) {
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if ((report.numFailedTests ?? 0) > 0) failures.push(`vitest (Node ${major})`);
    if (!ok && (report.numFailedTests ?? 0) === 0) check(`vitest (Node ${major}, suite errors)`, false);
  } else {
    check(`vitest (Node ${major}, no report)`, false);
  }
}

// Playwright: user journeys against the production build behind server/serve.ts.
const buildOk = run('build', npx, ['vite', 'build']);
check('build', buildOk);
if (buildOk) {
  const chromium = await ensureChromium();
  if (!chromium) {
    check('chromium available for e2e', false);
  } else {
    const pwJson = path.join(out, 'playwright.json');
    const pwOk = run('playwright', npx, ['playwright', 'test', '--reporter=list,json'], {
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    });
    const pw = readJson(pwJson);
    if (pw?.stats) {
      totals.passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
      totals.failed += pw.stats.unexpected ?? 0;
      totals.skipped += pw.stats.skipped ?? 0;
      if ((pw.stats.unexpected ?? 0) > 0) failures.push('playwright');
      if (!pwOk && (pw.stats.unexpected ?? 0) === 0) check('playwright (run errors)', false);
    } else {
      check('playwright (no report)', false);
    }
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);

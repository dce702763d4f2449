import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Import boundaries between the folders of docs/architecture.md "Layers". Each entry: the files
// it applies to, and the import patterns they may not use.
const boundaries = [
  {
    files: ['src/api/**'],
    patterns: ['**/app/**', '**/features/**', '**/components/**', '**/simulator/**', 'react', 'react-dom', 'msw', 'msw/*'],
    why: 'api/ is the only code that talks to a master and holds no React or simulator code',
  },
  {
    files: ['src/lib/**'],
    patterns: ['**/app/**', '**/features/**', '**/components/**', '**/simulator/**', '**/api/**', 'react', 'msw', 'msw/*'],
    why: 'lib/ holds pure helpers',
  },
  {
    files: ['src/simulator/**'],
    // lib/ is pure (no DOM, no React), so the simulator shares its ring buffer and equality.
    patterns: ['**/app/**', '**/features/**', '**/components/**', '**/api/**', 'react', 'react-dom'],
    why: 'the simulator runs in a worker and in Node: no React, no app code, and it shares nothing with api/ (the contract tests hold both to docs/kontena-api.md)',
  },
  {
    files: ['src/components/**'],
    patterns: ['**/app/**', '**/features/**', '**/simulator/**', 'msw', 'msw/*'],
    why: 'components/ are shared presentational pieces',
  },
  {
    files: ['src/features/**'],
    patterns: ['**/app/**', '**/simulator/**', 'msw', 'msw/*'],
    why: 'features are composed by app/ and never see the simulator',
  },
];

// Every folder under src/features is a feature: a new one is covered the day it appears.
const featureNames = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/mockServiceWorker.js',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // Classic zod's method chains defeat tree-shaking (~16 KB gzip more in the first
    // route); the app uses zod/mini through src/api/schemas/zod-mini.ts. A rule of its own
    // (the typescript-eslint twin of no-restricted-imports), so that the boundary rules
    // below, which set no-restricted-imports per folder, cannot switch it off.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/api/schemas/zod-mini.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'import { z } from src/api/schemas/zod-mini (zod/mini) instead' },
            { name: 'zod/v4', message: 'import { z } from src/api/schemas/zod-mini (zod/mini) instead' },
            { name: 'zod/v3', message: 'import { z } from src/api/schemas/zod-mini (zod/mini) instead' },
          ],
        },
      ],
    },
  },
  {
    // Helpers for tests live in test/, and production code never loads them. The zod
    // paths again: a file gets one set of options for a rule, so these carry both.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'src/api/schemas/zod-mini.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
            name,
            message: 'import { z } from src/api/schemas/zod-mini (zod/mini) instead',
          })),
          patterns: [{ group: ['**/test/**'], message: 'test helpers (test/) are for tests only' }],
        },
      ],
    },
  },
  {
    // No import cycles: a cycle makes load order decide what a module sees, and hides a
    // layer that should be split.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'server/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, so a
    // fixture that needs none must be written `async ({}, use) => …`.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...boundaries.map(({ files, patterns, why }) => ({
    files,
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
    },
  })),
  // A feature never imports another feature (docs/architecture.md "Layers").
  ...featureNames.map((name) => ({
    files: [`src/features/${name}/**`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/app/**',
                '**/simulator/**',
                'msw',
                'msw/*',
                ...featureNames.filter((n) => n !== name).map((n) => `**/features/${n}/**`),
                ...featureNames.filter((n) => n !== name).map((n) => `../${n}/**`),
              ],
              message: 'features are independent: shared pieces move to components/, api/ or lib/',
            },
          ],
        },
      ],
    },
  })),
);

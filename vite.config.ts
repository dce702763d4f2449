import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compressPlugin } from './scripts/compress-plugin.js';

// KONTENA_URL switches the dev server from the in-browser simulated master to a
// real one: the master sends no CORS headers (docs/kontena-api.md §2.4), so the
// browser must reach it on its own origin through this proxy.
const kontenaUrl = process.env.KONTENA_URL?.trim() || undefined;

export default defineConfig(({ command }) => {
  const simulated = command === 'serve' && kontenaUrl === undefined;
  const proxyTarget = kontenaUrl ? { target: kontenaUrl, changeOrigin: true, secure: process.env.KONTENA_INSECURE !== '1' } : undefined;
  return {
    // compressPlugin: the .br/.gz beside each built file, served by server/serve.ts and nginx.
    plugins: [react(), compressPlugin()],
    define: {
      __KONTENA_SIMULATED__: JSON.stringify(simulated),
    },
    server: {
      host: '127.0.0.1',
      proxy: proxyTarget ? { '/v1': proxyTarget, '/oauth2': proxyTarget } : undefined,
    },
    build: {
      manifest: true,
      sourcemap: false,
      target: 'es2022',
    },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['test/setup.ts'],
      testTimeout: 20000,
      pool: 'threads',
    },
  };
});

// @ts-check
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [preact()],
  // Astro rejects cross-origin form posts (CSRF) by checking Origin on every non-GET request.
  security: { checkOrigin: true },
  server: { host: '127.0.0.1', port: 4321 },
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { target: 'es2022' },
    ssr: { external: ['node:sqlite'] },
  },
});

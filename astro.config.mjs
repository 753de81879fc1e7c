// @ts-check
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { serviceWorker } from './src/sw/buildServiceWorker.mjs';

export default defineConfig({
  output: 'server',
  // The largest legitimate body is a notice's PDF attachment (10 MB); refuse anything bigger before reading it.
  adapter: node({ mode: 'standalone', bodySizeLimit: 12 * 1024 * 1024 }),
  integrations: [preact(), serviceWorker()],
  // Astro rejects cross-origin form posts (CSRF) by checking Origin on every non-GET request.
  security: {
    checkOrigin: true,
    // Astro hashes the scripts and styles it emits (including the island loader it inlines) into the policy.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  server: { host: '127.0.0.1', port: 4321 },
  build: { inlineStylesheets: 'never' },
  // No code blocks on this site; Shiki's inline styles would also clash with the CSP.
  markdown: { syntaxHighlight: false },
  vite: {
    build: { target: 'es2022' },
    ssr: { external: ['node:sqlite'] },
  },
});

// @ts-check
import { build } from 'esbuild';

/**
 * An Astro integration that bundles the Workbox service worker into the client output after each build.
 * The worker must be served from the site root for its scope to cover every page.
 * @returns {import('astro').AstroIntegration}
 */
export function serviceWorker() {
  return {
    name: 'portal-service-worker',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await build({
          entryPoints: [new URL('./serviceWorker.ts', import.meta.url).pathname],
          outfile: new URL('sw.js', dir).pathname,
          bundle: true,
          format: 'iife',
          minify: true,
          target: 'es2022',
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'warning',
        });
      },
    },
  };
}

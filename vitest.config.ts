import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/support/meiliGlobalSetup.ts', 'tests/support/postgresGlobalSetup.ts'],
    reporters: ['default', './tests/support/storeEngineReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

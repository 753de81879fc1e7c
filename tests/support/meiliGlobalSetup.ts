import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedMeilisearch } from '../../src/server/search/embeddedMeilisearch.ts';

/** One real Meilisearch for the whole run; each test file works in its own index prefix. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-meili-'));
  const meili = await startEmbeddedMeilisearch(dir);
  project.provide('meiliUrl', meili.url);
  project.provide('meiliKey', meili.masterKey);
  return async () => {
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

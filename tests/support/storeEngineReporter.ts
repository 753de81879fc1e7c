import type { Reporter, TestModule } from 'vitest/node';
import type { StoreEngine } from '../../src/server/store/storeEngine.ts';

/**
 * Prints how many store tests ran on each engine, so that a run whose PostgreSQL half was skipped says so in
 * its last lines rather than passing quietly.
 */
export default class StoreEngineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts: Record<StoreEngine, number> = { sqlite: 0, postgresql: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state !== 'passed' && state !== 'failed') continue;
        for (const engine of Object.keys(counts) as StoreEngine[]) if (test.fullName.includes(`[${engine}]`)) counts[engine] += 1;
      }
    }
    if (counts.sqlite + counts.postgresql > 0) console.log(`\nstore tests: sqlite ${counts.sqlite}, postgresql ${counts.postgresql}`);
  }
}

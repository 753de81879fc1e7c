/**
 * Test-only: prints, as JSON, the tracking numbers of the reports stored with a description, in the store of
 * the portal under test (DATA_DIR) — how an end-to-end test counts what reached the store.
 *
 *   DATA_DIR=/tmp/portal-e2e-123 node tests/e2e/support/reportsWithDescription.ts '离线时写的反映 123'
 */
import { join } from 'node:path';
import { reportsWithDescriptions } from '../../../src/server/store/reportStore.ts';
import { openSqliteStore } from '../../../src/server/store/openStore.ts';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');
const store = await openSqliteStore(join(dataDir, 'portal.sqlite'));
try {
  const rows = await reportsWithDescriptions(store, [process.argv[2] ?? '']);
  process.stdout.write(JSON.stringify(rows.map((row) => row.tracking_number)));
} finally {
  await store.destroy();
}

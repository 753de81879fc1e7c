/**
 * `npm run audit:verify [-- --since <id>]`: walks the audit log's hash chain and names the first entry that
 * does not check out. Exit code 0 when intact, 1 when broken, so that a cron job can alert on it.
 */
import { parseArgs } from 'node:util';
import { config } from '../src/server/config.ts';
import { storePath } from '../src/server/portal.ts';
import { verifyAuditChain } from '../src/server/staff/auditChainCheck.ts';
import { openSqliteStore } from '../src/server/store/openStore.ts';

const { values } = parseArgs({ options: { since: { type: 'string', default: '0' } } });
const since = Number(values.since);
if (!Number.isInteger(since) || since < 0) {
  console.error('--since must be an entry id (a whole number, 0 for the start)');
  process.exit(2);
}
const store = await openSqliteStore(storePath(config()));
try {
  const report = await verifyAuditChain(store, since);
  if (report.firstBreak) {
    const what = report.firstBreak.problem === 'content' ? 'its fields do not match its hash' : 'it does not link to the entry before it';
    console.error(`Audit log broken at entry ${report.firstBreak.id}: ${what}. ${report.checked} entries after ${since} were intact up to entry ${report.lastId}.`);
    process.exitCode = 1;
  } else {
    console.log(`Audit log intact: ${report.checked} entries after ${since}; last entry ${report.lastId}, hash ${report.lastHash}`);
  }
} finally {
  await store.destroy();
}

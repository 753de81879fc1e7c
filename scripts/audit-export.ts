/**
 * `npm run audit:export -- --since <id> [--out file.ndjson]`: the audit entries after `id` as NDJSON, one
 * entry a line with its `prev_hash` and `hash`, for shipping off the machine. The receiver checks that the
 * first line's `prev_hash` is the hash of the last entry it already holds. See docs/operations.md.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { config } from '../src/server/config.ts';
import { storePath } from '../src/server/portal.ts';
import { auditExportLines } from '../src/server/staff/auditChainCheck.ts';
import { summariseFinishedWindows } from '../src/server/staff/loginRefusals.ts';
import { openSqliteStore } from '../src/server/store/openStore.ts';

const { values } = parseArgs({ options: { since: { type: 'string', default: '0' }, out: { type: 'string' } } });
const since = Number(values.since);
if (!Number.isInteger(since) || since < 0) {
  console.error('--since must be an entry id (a whole number, 0 for everything)');
  process.exit(2);
}
const store = await openSqliteStore(storePath(config()));
const out = values.out ? createWriteStream(values.out) : process.stdout;
let count = 0;
try {
  // Refused logins of finished windows are written as their summaries first, so the export includes them.
  await summariseFinishedWindows(store, new Date());
  for await (const line of auditExportLines(store, since)) {
    if (!out.write(line)) await once(out, 'drain');
    count++;
  }
} finally {
  await store.destroy();
}
if (values.out) out.end();
console.error(`Exported ${count} audit entries after ${since}.`);

/** `npm run backup -- --out FILE`: a consistent copy of the store (SQLite file or pg_dump archive) while the portal runs. */
import { parseArgs } from 'node:util';
import { config } from '../src/server/config.ts';
import { StoreBackupError, backupStore } from '../src/server/store/storeBackup.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('Usage: npm run backup -- --out FILE');
  process.exit(2);
}
try {
  const cfg = config();
  await backupStore(cfg, values.out);
  console.log(`Backed up the ${cfg.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} store to ${values.out}`);
} catch (error) {
  if (!(error instanceof StoreBackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}

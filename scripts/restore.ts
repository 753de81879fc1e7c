/** `npm run restore -- FILE`: restores a backup into an empty store (stop the portal first; reindex after). */
import { parseArgs } from 'node:util';
import { config } from '../src/server/config.ts';
import { StoreBackupError, restoreStore } from '../src/server/store/storeBackup.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error('Usage: npm run restore -- FILE');
  process.exit(2);
}
try {
  const cfg = config();
  await restoreStore(cfg, file);
  console.log(`Restored ${file} into the ${cfg.DATABASE_URL ? 'PostgreSQL database' : `SQLite store in ${cfg.DATA_DIR}`}; start the portal and run npm run reindex`);
} catch (error) {
  if (!(error instanceof StoreBackupError)) throw error;
  console.error(`Restore failed: ${error.message}`);
  process.exit(1);
}

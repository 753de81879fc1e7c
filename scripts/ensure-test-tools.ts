/**
 * Runs before the tests and installs the Debian packages they drive, where missing:
 * - without arguments (before the browser tests): Debian's Chromium with CJK fonts, as Playwright cannot
 *   download browsers here;
 * - with `--postgresql` (before the unit and integration tests): the `postgresql` server, which the store tests
 *   start in a temporary directory to run the same suite on PostgreSQL as on SQLite.
 * As root it installs them; otherwise it says how. A missing browser stops the run; a missing PostgreSQL only
 * makes the store tests skip their PostgreSQL half (and fail under CI=true; see tests/support/postgresGlobalSetup.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresProgram } from '../src/server/store/postgresTools.ts';

const wantsPostgres = process.argv.includes('--postgresql');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fonts = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const missing = wantsPostgres
  ? existsSync(postgresProgram('initdb'))
    ? []
    : ['postgresql']
  : !existsSync(chromium) || !existsSync(fonts)
    ? ['chromium', 'fonts-noto-cjk']
    : [];

if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    console.error(`Missing for the tests: run  sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(wantsPostgres ? 0 : 1);
  }
  console.log(`Installing ${missing.join(', ')} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

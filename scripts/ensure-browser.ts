/**
 * Runs before the browser tests: Playwright cannot download browsers here, so the tests use Debian's
 * Chromium (with CJK fonts for readable screenshots). As root it installs them; otherwise it says how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fonts = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

if (!existsSync(chromium) || !existsSync(fonts)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium (${chromium}) or Noto CJK fonts are missing: run  sudo apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
  console.log('Installing Debian chromium and fonts-noto-cjk for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
}

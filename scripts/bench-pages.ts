/**
 * `npm run bench:pages`: Lighthouse 13 (mobile preset: simulated slow 4G, 4× CPU slow-down) in Debian's
 * Chromium on the portal's public pages — home, search results, a located drug page, a facility page and the
 * report form. Starts the built portal (`npm run build` first) with demo data in a temporary DATA_DIR, or
 * measures `--url` when given. Prints each page's figures and budget misses; the last line is one JSON object
 * with the worst of each: { "pages", "performance", "accessibility", "lcpMs", "tbtMs", "cls", "jsKB", "totalKB" }.
 * Options: --runs N (best of N per page), --only home,drug, --url http://host:port, --port (of the started portal).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { budgetMisses, failingAudits, type PageFigures, pageFigures, worstOf } from './support/pageBudgets.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    port: { type: 'string', default: '4499' },
    runs: { type: 'string', default: '1' },
    /** Comma-separated page names, to re-measure one page while mending it. */
    only: { type: 'string' },
  },
  strict: true,
});

// A drug page located by a point (the 珠山区 centre), a facility of the demo register, the search the home page invites.
const pages = [
  { name: 'home', path: '/' },
  { name: 'search', path: '/search?q=%E5%B8%83%E6%B4%9B%E8%8A%AC' },
  { name: 'drug', path: '/drugs/W078?lat=29.2934&lng=117.2071' },
  { name: 'facility', path: '/facilities/JDZ-H-0001' },
  { name: 'report', path: '/report' },
];

async function startPortal(port: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.ts'], {
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${origin}/readyz`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return {
    origin,
    // The data directory goes only once the portal has stopped: its jobs still write to the store until then.
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const portal = args.url ? { origin: args.url.replace(/\/$/, ''), stop: async () => {} } : await startPortal(args.port);
const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const figures: PageFigures[] = [];
try {
  for (const page of pages.filter((p) => !args.only || args.only.split(',').includes(p.name))) {
    const url = `${portal.origin}${page.path}`;
    // A first load warms the server's caches as a real visitor's second look would; the measured run follows.
    await fetch(url).catch(() => undefined);
    let best: PageFigures | undefined;
    let lost: string[] = [];
    // A run Lighthouse could not measure (NO_LCP and the like on a starved machine) is retried, not scored 0.
    for (let run = 0, attempts = 0; run < Number(args.runs) && attempts < Number(args.runs) + 3; attempts++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError || result.lhr.categories.performance?.score == null) {
        console.error(`${page.name}: not measured (${result.lhr.runtimeError?.code ?? 'no performance score'}), trying again`);
        continue;
      }
      run++;
      const f = pageFigures(page.name, result.lhr as unknown as Parameters<typeof pageFigures>[1]);
      if (!best || f.performance > best.performance) {
        best = f;
        const lhr = result.lhr as unknown as Parameters<typeof failingAudits>[0];
        lost = ['accessibility', 'best-practices', 'seo'].flatMap((c) => failingAudits(lhr, c).map((id) => `${c}:${id}`));
      }
    }
    if (!best) continue;
    figures.push(best);
    const misses = budgetMisses(best, page.name === 'search');
    console.log(
      `${page.name.padEnd(8)} perf ${best.performance} · a11y ${best.accessibility} · best-practices ${best.bestPractices} · SEO ${best.seo} · ` +
        `LCP ${best.lcpMs} ms · TBT ${best.tbtMs} ms · CLS ${best.cls} · JS ${best.jsKB} KB · total ${best.totalKB} KB${misses.length ? `  MISSES: ${misses.join('; ')}` : ''}${lost.length ? `  (points lost: ${lost.join(', ')})` : ''}`,
    );
  }
} finally {
  chrome.kill();
  await portal.stop();
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (Lighthouse simulates the network and CPU; a loaded machine still skews it)`);
console.log(JSON.stringify(worstOf(figures)));

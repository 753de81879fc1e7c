import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The process id of the embedded Meilisearch serving `dataDir`, found by its `--db-path` argument in /proc, so
 * that a fault test can kill exactly that child (and not the run's shared Meilisearch).
 */
export function embeddedMeiliPid(dataDir: string): number | undefined {
  const dbPath = join(resolve(dataDir), 'meilisearch', 'db');
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('meilisearch') && args.includes(dbPath)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/**
 * Kills the embedded Meilisearch as an out-of-memory kill or a crash would: no chance to shut down cleanly.
 * Finding none means its supervisor has not restarted it yet: it is down either way.
 */
export function killEmbeddedMeili(dataDir: string, signal: NodeJS.Signals = 'SIGKILL'): number | undefined {
  const pid = embeddedMeiliPid(dataDir);
  if (pid !== undefined) process.kill(pid, signal);
  return pid;
}

/** Small Linux /proc readers and latency statistics for the search benchmark. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function statusFieldMB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Peak resident set size (VmHWM) of a process in MB, or null when it has gone or /proc is unavailable. */
export function peakRssMB(pid: number): number | null {
  return statusFieldMB(pid, 'VmHWM');
}

/** Current resident set size (VmRSS) of a process in MB. */
export function currentRssMB(pid: number): number | null {
  return statusFieldMB(pid, 'VmRSS');
}

/** Children of `parentPid` whose command name is `comm` (e.g. the Meilisearch a helper spawned for us). */
export function childPidsNamed(parentPid: number, comm: string): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces, so split after the last ')'.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parentPid && name === comm) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Total size of the files under `path` in MB. */
export function directorySizeMB(path: string): number {
  let bytes = 0;
  const walk = (p: string) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else bytes += stat.size;
  };
  walk(path);
  return bytes / 1024 / 1024;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of millisecond samples. */
export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? Number.NaN, mean };
}

/** ISO 8601 durations as Meilisearch reports task durations ("PT1.234S", "PT2M3.5S") in seconds. */
export function isoDurationSeconds(duration: string | null | undefined): number {
  if (!duration) return 0;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!match) return 0;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

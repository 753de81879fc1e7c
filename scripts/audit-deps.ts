/**
 * `npm run test:audit`: runs `npm audit --omit=dev --audit-level=high --json` and fails on a high or critical
 * advisory in a production dependency unless docs/accepted-advisories.json lists it with a justification (see
 * docs/accepted-advisories.md). When the registry cannot answer the audit (some mirrors reply 405), it says so
 * plainly on stderr and does not fail: an audit that did not run must not read as one that passed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface AcceptedAdvisory {
  /** GHSA id (GHSA-xxxx-xxxx-xxxx) or the npm advisory URL. */
  id: string;
  package: string;
  justification: string;
}

export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
}

export type AuditOutcome =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'audited'; blocking: Advisory[]; accepted: Advisory[] };

const blockingSeverities = new Set(['high', 'critical']);

/** `https://github.com/advisories/GHSA-…` → `GHSA-…`; other URLs stay as they are. */
function advisoryId(url: string, source: unknown): string {
  return /GHSA-[\w-]+/.exec(url)?.[0] ?? (url || String(source));
}

/** Reads the JSON npm audit printed (format of npm 7 and later) and sorts its high/critical advisories. */
export function auditOutcome(stdout: string, accepted: readonly AcceptedAdvisory[]): AuditOutcome {
  let report: { vulnerabilities?: Record<string, { via?: unknown[] }>; error?: { summary?: string }; message?: string; statusCode?: number };
  try {
    report = JSON.parse(stdout);
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no JSON (${stdout.slice(0, 120).trim() || 'nothing'})` };
  }
  if (!report.vulnerabilities) {
    const reason = report.message || report.error?.summary || (report.statusCode ? `HTTP ${report.statusCode}` : 'no vulnerabilities section in the answer');
    return { kind: 'unavailable', reason };
  }
  const found = new Map<string, Advisory>();
  for (const [name, entry] of Object.entries(report.vulnerabilities)) {
    for (const via of entry.via ?? []) {
      if (typeof via !== 'object' || via === null) continue;
      const v = via as { source?: unknown; url?: string; severity?: string; title?: string; name?: string };
      if (!blockingSeverities.has(v.severity ?? '')) continue;
      const id = advisoryId(v.url ?? '', v.source);
      found.set(`${id} ${v.name ?? name}`, { id, package: v.name ?? name, severity: v.severity ?? '', title: v.title ?? '' });
    }
  }
  const isAccepted = (a: Advisory) => accepted.some((x) => x.id === a.id && x.justification.trim().length > 0);
  const all = [...found.values()];
  return { kind: 'audited', blocking: all.filter((a) => !isAccepted(a)), accepted: all.filter(isAccepted) };
}

function main(): void {
  const accepted = JSON.parse(readFileSync(new URL('../docs/accepted-advisories.json', import.meta.url), 'utf8')) as AcceptedAdvisory[];
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const outcome = run.error
    ? ({ kind: 'unavailable', reason: run.error.message } as const)
    : auditOutcome(run.stdout, accepted);
  if (outcome.kind === 'unavailable') {
    console.error(`npm audit endpoint unavailable: ${outcome.reason}, dependency audit NOT performed`);
    return;
  }
  for (const a of outcome.accepted) console.log(`accepted (docs/accepted-advisories.json): ${a.id} ${a.package} [${a.severity}] ${a.title}`);
  if (outcome.blocking.length === 0) {
    console.log('dependency audit: no unaccepted high or critical advisories in production dependencies');
    return;
  }
  for (const a of outcome.blocking) console.error(`${a.severity.toUpperCase()} ${a.id} in ${a.package}: ${a.title}`);
  console.error(`dependency audit failed: ${outcome.blocking.length} high/critical advisories not accepted in docs/accepted-advisories.json`);
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

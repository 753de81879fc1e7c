import { type ChainBreak, checkChainStep, genesisHash } from '../../domain/staff/auditChain.ts';
import { chainedEntriesAfter, chainHashAt } from '../store/auditChainStore.ts';
import type { Store } from '../store/openStore.ts';

export interface ChainReport {
  /** Entries checked before the first break (or all of them). */
  checked: number;
  /** The last intact entry: where a receiver of an export continues from. */
  lastId: number;
  lastHash: string;
  firstBreak: ChainBreak | null;
}

/**
 * Walks the chain from the start (or from entry `afterId`, trusting it) and stops at the first entry that
 * does not check out: that entry, or the one before it, is where someone edited the log.
 */
export async function verifyAuditChain(db: Store, afterId = 0): Promise<ChainReport> {
  const startHash = afterId === 0 ? genesisHash : await chainHashAt(db, afterId);
  if (!startHash) throw new Error(`audit entry ${afterId} does not exist or has no hash`);
  const report: ChainReport = { checked: 0, lastId: afterId, lastHash: startHash, firstBreak: null };
  for await (const entry of chainedEntriesAfter(db, afterId)) {
    const broken = checkChainStep(entry, report.lastHash);
    if (broken) return { ...report, firstBreak: broken };
    report.checked++;
    report.lastId = entry.id;
    report.lastHash = entry.hash ?? '';
  }
  return report;
}

/**
 * Entries after `afterId` as NDJSON lines, each with its `prev_hash` and `hash`, so that a receiver holding
 * the entry `afterId` can check that the first line links to it and every line to the one before.
 */
export async function* auditExportLines(db: Store, afterId: number): AsyncGenerator<string> {
  for await (const entry of chainedEntriesAfter(db, afterId)) yield `${JSON.stringify(entry)}\n`;
}

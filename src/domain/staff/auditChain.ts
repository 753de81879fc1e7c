import { createHash } from 'node:crypto';

/**
 * The audit log as a hash chain: every entry carries the SHA-256 of the entry before it, and its own hash over
 * its fields and that link. Changing, removing or reordering an entry breaks the chain at that point, which
 * `npm run audit:verify` finds; entries shipped off the machine (`npm run audit:export`) can be checked for
 * continuity by whoever receives them. The triggers stop edits through SQL; the chain shows any that get past.
 */
export const genesisHash = '0'.repeat(64);

/** The stored fields of one entry, as in the table (JSON columns as their text). */
export interface ChainedFields {
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  region_code: string | null;
  target_type: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  detail_json: string | null;
}

/**
 * A JSON array in a fixed order: one spelling per entry whatever the column order of a database or an export.
 * The version tag lets a future format sit beside this one. The id is left out: it only locates an entry.
 */
export function canonicalEntry(fields: ChainedFields, prevHash: string): string {
  return JSON.stringify([
    'audit-v1',
    prevHash,
    fields.at,
    fields.actor_id,
    fields.actor_username,
    fields.ip,
    fields.action,
    fields.region_code,
    fields.target_type,
    fields.target_id,
    fields.before_json,
    fields.after_json,
    fields.detail_json,
  ]);
}

export function entryHash(fields: ChainedFields, prevHash: string): string {
  return createHash('sha256').update(canonicalEntry(fields, prevHash)).digest('hex');
}

export type ChainedEntry = ChainedFields & { id: number; prev_hash: string | null; hash: string | null };

export type ChainBreak = { id: number; problem: 'link' | 'content' };

/**
 * Checks entries in id order, starting from `expectedPrev` (the genesis, or the last hash a receiver holds).
 * "link": the entry does not point at the one before (one removed, inserted or reordered, or a later entry
 * rehashed to hide a change). "content": its fields are not what its hash was made from.
 */
export function checkChainStep(entry: ChainedEntry, expectedPrev: string): ChainBreak | null {
  if (entry.prev_hash !== expectedPrev) return { id: entry.id, problem: 'link' };
  if (entry.hash !== entryHash(entry, expectedPrev)) return { id: entry.id, problem: 'content' };
  return null;
}

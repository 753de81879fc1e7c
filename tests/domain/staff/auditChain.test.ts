import { describe, expect, test } from 'vitest';
import { type ChainedFields, canonicalEntry, checkChainStep, entryHash, genesisHash } from '../../../src/domain/staff/auditChain.ts';

const fields: ChainedFields = {
  at: '2026-03-02T01:00:00.000Z',
  actor_id: 1,
  actor_username: 'li.ming',
  ip: '192.0.2.1',
  action: 'login.success',
  region_code: '360203',
  target_type: 'staff_account',
  target_id: '1',
  before_json: null,
  after_json: null,
  detail_json: '{"secondFactor":false}',
};

describe('entryHash', () => {
  test('returns a hex SHA-256 that changes with any field and with the link', () => {
    const hash = entryHash(fields, genesisHash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...fields, ip: '192.0.2.2' }, genesisHash)).not.toBe(hash);
    expect(entryHash(fields, 'f'.repeat(64))).not.toBe(hash);
  });

  test('does not depend on the order in which the fields were written', () => {
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as ChainedFields;
    expect(canonicalEntry(reordered, genesisHash)).toBe(canonicalEntry(fields, genesisHash));
  });
});

describe('checkChainStep', () => {
  const entry = { ...fields, id: 7, prev_hash: genesisHash, hash: entryHash(fields, genesisHash) };

  test('returns null for an intact entry', () => {
    expect(checkChainStep(entry, genesisHash)).toBeNull();
  });

  test('returns a content break for an edited field and a link break for a wrong predecessor', () => {
    expect(checkChainStep({ ...entry, detail_json: '{}' }, genesisHash)).toEqual({ id: 7, problem: 'content' });
    expect(checkChainStep(entry, 'a'.repeat(64))).toEqual({ id: 7, problem: 'link' });
  });
});

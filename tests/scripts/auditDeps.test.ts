import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { auditOutcome } from '../../scripts/audit-deps.ts';

const sample = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('auditOutcome', () => {
  test('blocks a high advisory that is not accepted, and ignores moderate ones', () => {
    const outcome = auditOutcome(sample('npm-audit-high.json'), []);
    expect(outcome).toMatchObject({ kind: 'audited', blocking: [{ id: 'GHSA-rm97-x556-q36h', package: 'sanitize-html', severity: 'high' }], accepted: [] });
  });

  test('lets an accepted advisory through only with a justification', () => {
    const accepted = [{ id: 'GHSA-rm97-x556-q36h', package: 'sanitize-html', justification: 'not reachable: we never pass user styles' }];
    expect(auditOutcome(sample('npm-audit-high.json'), accepted)).toMatchObject({ blocking: [], accepted: [{ id: 'GHSA-rm97-x556-q36h' }] });
    expect(auditOutcome(sample('npm-audit-high.json'), [{ id: 'GHSA-rm97-x556-q36h', package: 'sanitize-html', justification: ' ' }])).toMatchObject({ blocking: [{ id: 'GHSA-rm97-x556-q36h' }] });
  });

  test('reports the 405 of a registry without the audit endpoint as "unavailable", not as a pass', () => {
    const outcome = auditOutcome(sample('npm-audit-405.json'), []);
    expect(outcome.kind).toBe('unavailable');
    expect(outcome.kind === 'unavailable' && outcome.reason).toContain('405 Method Not Allowed');
    expect(auditOutcome('', []).kind).toBe('unavailable');
  });
});

import { describe, expect, test } from 'vitest';
import { defaultSnapshotSchedule, snapshotDue } from '../../../src/domain/openData/snapshotSchedule.ts';

const minutes = (n: number) => n * 60_000;
const at = (base: string, plusMs: number) => new Date(Date.parse(base) + plusMs);
const built = '2026-12-01T00:00:00.000Z';
const lastBuild = { builtAt: built, stockSequence: 10 };

describe('snapshotDue', () => {
  test('builds at once when nothing was built, and daily whatever changed', () => {
    expect(snapshotDue({ lastBuild: null, stockSequence: 0, stockChangedAt: null }, new Date(built))).toBe('first');
    expect(snapshotDue({ lastBuild, stockSequence: 10, stockChangedAt: null }, at(built, minutes(24 * 60) - 1))).toBe('wait');
    expect(snapshotDue({ lastBuild, stockSequence: 10, stockChangedAt: null }, at(built, minutes(24 * 60)))).toBe('daily');
  });

  test('after an import, waits for two quiet minutes and at least fifteen since the last build', () => {
    const changedAt = at(built, minutes(20)).toISOString();
    const state = { lastBuild, stockSequence: 11, stockChangedAt: changedAt };
    expect(snapshotDue(state, at(built, minutes(21)))).toBe('wait');
    expect(snapshotDue(state, at(built, minutes(22)))).toBe('changed');
    const early = { lastBuild, stockSequence: 11, stockChangedAt: at(built, minutes(1)).toISOString() };
    expect(snapshotDue(early, at(built, minutes(15) - 1))).toBe('wait');
    expect(snapshotDue(early, at(built, minutes(15)))).toBe('changed');
  });

  test('builds within the hour under a steady stream of imports that never pauses', () => {
    const now = at(built, defaultSnapshotSchedule.maxWaitMs);
    const busy = { lastBuild, stockSequence: 99, stockChangedAt: new Date(now.getTime() - 1000).toISOString() };
    expect(snapshotDue(busy, new Date(now.getTime() - 1))).toBe('wait');
    expect(snapshotDue(busy, now)).toBe('changed');
  });
});

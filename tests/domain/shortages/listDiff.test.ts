import { describe, expect, test } from 'vitest';
import { type DiffableEntry, diffListVersions, entryKey } from '../../../src/domain/shortages/listDiff.ts';

const entry = (drugId: string | null, rawName: string, extra: Partial<DiffableEntry> = {}): DiffableEntry => ({
  drugId, rawName, rawForm: null, rawSpec: null, note: null, ...extra,
});

describe('diffListVersions', () => {
  const v1 = [entry('W240', '硫酸阿托品注射液'), entry('W198', '盐酸多巴胺注射液'), entry(null, '示例未收录药甲'), entry('W169', '地高辛片')];
  const v2 = [
    entry('W198', '盐酸多巴胺注射液'),
    entry('W169', '地高辛片', { rawSpec: '0.25mg' }),
    entry('W195', '重酒石酸去甲肾上腺素注射液'),
    entry(null, '示例未收录药乙'),
  ];

  test('lists drugs added and removed between two versions by drug id', () => {
    const diff = diffListVersions(v1, v2);
    expect(diff.added.map((a) => a.key)).toEqual(['drug:W195', 'name:示例未收录药乙']);
    expect(diff.removed.map((r) => r.key)).toEqual(['drug:W240', 'name:示例未收录药甲']);
  });

  test('reports a drug kept with a different specification as changed, with both sides', () => {
    const diff = diffListVersions(v1, v2);
    expect(diff.changed).toEqual([{ key: 'drug:W169', before: [v1[3]], after: [v2[1]] }]);
    expect(diff.unchanged).toBe(1);
  });

  test('does not count renumbered or reordered rows as changes', () => {
    const diff = diffListVersions(v1, [...v1].reverse());
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 4 });
  });

  test('groups several rows of one drug, so adding a second form is a change, not an addition', () => {
    const before = [entry('W240', '阿托品', { rawForm: '注射液' })];
    const after = [...before, entry('W240', '阿托品', { rawForm: '片剂' })];
    const diff = diffListVersions(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.changed[0]?.after).toHaveLength(2);
  });

  test('falls back to the written name for unmatched rows, ignoring width and spaces', () => {
    expect(entryKey(entry(null, '示例 药（Ａ）'))).toBe(entryKey(entry(null, '示例药(A)')));
    expect(entryKey(entry('W240', '别名'))).toBe('drug:W240');
  });
});

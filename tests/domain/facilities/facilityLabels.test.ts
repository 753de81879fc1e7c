import { describe, expect, test } from 'vitest';
import { facilityType, hospitalLevel } from '../../../src/domain/facilities/facility.ts';
import { facilityKindLabel, facilityTypeLabel, hospitalLevelLabel } from '../../../src/domain/facilities/facilityLabels.ts';

describe('facilityTypeLabel', () => {
  test('returns a Chinese label for every facility type', () => {
    expect(facilityType.options.map((t) => facilityTypeLabel[t])).toEqual([
      '医院',
      '社区卫生服务中心',
      '乡镇卫生院',
      '村卫生室',
      '零售药店',
      '医邮合作药房',
    ]);
  });
});

describe('hospitalLevelLabel', () => {
  test('returns 三级医院 / 二级医院 / 一级医院', () => {
    expect(hospitalLevel.options.map((l) => hospitalLevelLabel[l])).toEqual(['三级医院', '二级医院', '一级医院']);
  });
});

describe('facilityKindLabel', () => {
  test('returns the level for a hospital and the type for anything else', () => {
    expect(facilityKindLabel({ type: 'hospital', level: 'tertiary' })).toBe('三级医院');
    expect(facilityKindLabel({ type: 'hospital', level: null })).toBe('医院');
    expect(facilityKindLabel({ type: 'post_office_pharmacy', level: null })).toBe('医邮合作药房');
  });
});

import { describe, expect, test } from 'vitest';
import { canLoadList, listAppliesTo, listKeyFor, listMetaForm } from '../../../src/domain/shortages/listMeta.ts';

const form = {
  title: '示例省级短缺药品清单', kind: 'shortage', scope: 'provincial', regionCode: '36', issuer: '示例发布机关',
  docNumber: '', effectiveDate: '2026-09-01', sourceUrl: '', isDemo: 'on',
};
const fields = (input: Record<string, string>) => {
  const parsed = listMetaForm.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('listMetaForm', () => {
  test('accepts a demo list without 文号 or link and turns blanks into nulls', () => {
    expect(listMetaForm.parse(form)).toMatchObject({ regionCode: '36', docNumber: null, sourceUrl: null, isDemo: true });
  });

  test('requires 文号 and the source link for an official list', () => {
    expect(fields({ ...form, isDemo: '' })).toEqual(['docNumber', 'sourceUrl']);
  });

  test('checks the region against the scope and the scope against the kind', () => {
    expect(fields({ ...form, regionCode: '3602' })).toEqual(['regionCode']);
    expect(fields({ ...form, kind: 'watch' })).toEqual(['scope']);
    expect(fields({ ...form, scope: 'national' })).toEqual(['regionCode']);
  });

  test('refuses impossible dates and non-web links', () => {
    expect(fields({ ...form, effectiveDate: '2026-02-30' })).toEqual(['effectiveDate']);
    expect(fields({ ...form, sourceUrl: 'javascript:alert(1)' })).toEqual(['sourceUrl']);
  });
});

describe('list scope', () => {
  test('national lists need a province-level account; others the list region or above', () => {
    expect(canLoadList('36', { scope: 'national', regionCode: null })).toBe(true);
    expect(canLoadList('3602', { scope: 'national', regionCode: null })).toBe(false);
    expect(canLoadList('36', { scope: 'city', regionCode: '3602' })).toBe(true);
    expect(canLoadList('3602', { scope: 'provincial', regionCode: '36' })).toBe(false);
    expect(canLoadList('360203', { scope: 'city', regionCode: '3602' })).toBe(false);
  });

  test('a list holds in its region and below', () => {
    expect(listAppliesTo({ regionCode: null }, '360203')).toBe(true);
    expect(listAppliesTo({ regionCode: '3602' }, '360203')).toBe(true);
    expect(listAppliesTo({ regionCode: '3602' }, '36')).toBe(false);
  });

  test('keys keep demo lists apart from official ones', () => {
    expect(listKeyFor({ isDemo: false, regionCode: null, kind: 'monitoring' })).toBe('national-monitoring');
    expect(listKeyFor({ isDemo: true, regionCode: '3602', kind: 'watch' })).toBe('demo-3602-watch');
  });
});

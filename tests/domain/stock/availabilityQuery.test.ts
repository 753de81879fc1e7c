import { describe, expect, test } from 'vitest';
import { availabilityFilter, availabilityQuery, regionField } from '../../../src/domain/stock/availabilityQuery.ts';

describe('availabilityQuery', () => {
  test('requires lat and lng together and names the missing one', () => {
    const result = availabilityQuery.safeParse({ lat: '29.3' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['lng']);
  });
  test('rejects a region that is not an administrative code', () => {
    const result = availabilityQuery.safeParse({ region: '36020' });
    expect(result.error?.issues[0]?.path).toEqual(['region']);
  });
  test('limits the radius to 200 km', () => {
    expect(availabilityQuery.safeParse({ lat: '29', lng: '117', radius: '500' }).success).toBe(false);
  });
  test('accepts one facility type or several', () => {
    expect(availabilityQuery.parse({ type: 'retail_pharmacy' }).type).toEqual(['retail_pharmacy']);
    expect(availabilityQuery.parse({ type: ['hospital', 'village_clinic'] }).type).toEqual(['hospital', 'village_clinic']);
  });
});

describe('regionField', () => {
  test('picks the field by code length', () => {
    expect(regionField('36')).toBe('provinceCode');
    expect(regionField('3602')).toBe('cityCode');
    expect(regionField('360281')).toBe('countyCode');
    expect(regionField('360281100')).toBe('townshipCode');
  });
});

describe('availabilityFilter', () => {
  test('includes 缺货 reports unless only available ones are asked for', () => {
    const all = availabilityFilter('W078', availabilityQuery.parse({}));
    expect(all[0]).toBe('(inStock = "W078" OR low = "W078" OR out = "W078")');
    const available = availabilityFilter('W078', availabilityQuery.parse({ available: '1' }));
    expect(available[0]).toBe('(inStock = "W078" OR low = "W078")');
  });
  test('turns km into metres for the geo radius and adds region, type and 医保 filters', () => {
    const filters = availabilityFilter('W078', availabilityQuery.parse({ lat: '29.3', lng: '117.2', radius: '5', region: '360203', type: 'hospital', insurance: '1' }));
    expect(filters).toContain('_geoRadius(29.3, 117.2, 5000)');
    expect(filters).toContain('countyCode = "360203"');
    expect(filters).toContain('type IN ["hospital"]');
    expect(filters).toContain('insurance = true');
  });
});

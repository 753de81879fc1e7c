import { describe, expect, test } from 'vitest';
import { reportInputSchema } from '../../../src/domain/reports/reportInput.ts';

const now = new Date('2026-11-29T04:00:00Z');
const parse = (input: Record<string, unknown>) => reportInputSchema(now).safeParse(input);
const base = { drugName: '阿莫西林胶囊', problem: 'unavailable', regionCode: '360203', seenAt: '2026-11-29T03:00:00Z' };

describe('reportInputSchema', () => {
  test('accepts a minimal report and turns form blanks into missing values', () => {
    const r = parse({ ...base, drugId: '', facilityId: '', price: '', phone: ' ', description: '' });
    expect(r.success && r.data).toMatchObject({ drugName: '阿莫西林胶囊', regionCode: '360203' });
    expect(r.success && r.data.phone).toBeUndefined();
  });

  test('strips control and format characters before measuring', () => {
    const r = parse({ ...base, drugName: '阿莫\u202e西林\u200b', description: 'a\u0000b\nc' });
    expect(r.success && r.data.drugName).toBe('阿莫西林');
    expect(r.success && r.data.description).toBe('ab\nc');
  });

  test('names the field in Chinese when the place is missing', () => {
    const r = parse({ ...base, regionCode: undefined });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['regionCode'], message: '请选择医疗机构，或选择所在县（市、区）' });
  });

  test('refuses a description over 500 characters and a time in the future', () => {
    expect(parse({ ...base, description: '多'.repeat(501) }).error?.issues[0]?.message).toBe('情况说明不能超过 500 个字');
    expect(parse({ ...base, seenAt: '2026-11-29T05:00:00Z' }).error?.issues[0]?.path).toEqual(['seenAt']);
  });

  test('stores the price in fen and refuses a malformed drug id with a message', () => {
    const r = parse({ ...base, price: '12.5', drugId: 'w078' });
    expect(r.success && r.data).toMatchObject({ price: 1250, drugId: 'W078' });
    expect(parse({ ...base, drugId: '<x>' }).error?.issues[0]).toMatchObject({ path: ['drugId'], message: '药品编号格式不正确' });
  });
});

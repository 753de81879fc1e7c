import { describe, expect, test } from 'vitest';
import { isDisputed, type UnavailableReport } from '../../../src/domain/stock/stockDispute.ts';
import { judgeStockFact } from '../../../src/domain/stock/stockFact.ts';

const stockAt = '2026-12-01T00:00:00.000Z';
const hoursAfter = (h: number) => new Date(Date.parse(stockAt) + h * 3_600_000).toISOString();
const report = (h: number, device: string, verification: UnavailableReport['verification'] = null): UnavailableReport => ({
  receivedAt: hoursAfter(h),
  verification,
  deviceHash: device,
});
const rule = { unverifiedReports: 3, windowHours: 48 };

describe('isDisputed', () => {
  test('is not disputed by 2 unverified reports, and is by 3 from different devices', () => {
    expect(isDisputed([report(1, 'a'), report(2, 'b')], stockAt, rule)).toBe(false);
    expect(isDisputed([report(1, 'a'), report(2, 'b'), report(3, 'c')], stockAt, rule)).toBe(true);
  });

  test('counts one device sending three reports as one voice', () => {
    expect(isDisputed([report(1, 'a'), report(2, 'a'), report(3, 'a')], stockAt, rule)).toBe(false);
  });

  test('is disputed when the three fall within exactly 48 h, and not when they span 48 h and a second', () => {
    expect(isDisputed([report(1, 'a'), report(20, 'b'), report(49, 'c')], stockAt, rule)).toBe(true);
    const late = { ...report(49, 'c'), receivedAt: new Date(Date.parse(hoursAfter(49)) + 1000).toISOString() };
    expect(isDisputed([report(1, 'a'), report(20, 'b'), late], stockAt, rule)).toBe(false);
  });

  test('finds three within 48 h anywhere in a longer run of reports', () => {
    expect(isDisputed([report(1, 'a'), report(100, 'b'), report(120, 'c'), report(140, 'd')], stockAt, rule)).toBe(true);
  });

  test('is disputed by a single verified (属实) report', () => {
    expect(isDisputed([report(5, 'a', 'confirmed')], stockAt, rule)).toBe(true);
  });

  test('does not count reports staff found untrue (不属实); 无法核实 still counts as unverified', () => {
    expect(isDisputed([report(1, 'a', 'not_confirmed'), report(2, 'b'), report(3, 'c')], stockAt, rule)).toBe(false);
    expect(isDisputed([report(1, 'a', 'unverifiable'), report(2, 'b'), report(3, 'c')], stockAt, rule)).toBe(true);
  });

  test('is cleared by a newer stock report: reports up to the facility reporting again do not count', () => {
    const reports = [report(1, 'a', 'confirmed'), report(2, 'b'), report(3, 'c'), report(4, 'd')];
    expect(isDisputed(reports, stockAt, rule)).toBe(true);
    expect(isDisputed(reports, hoursAfter(4), rule)).toBe(false);
    expect(isDisputed([...reports, report(5, 'e', 'confirmed')], hoursAfter(4), rule)).toBe(true);
  });

  test('follows a configured rule: 2 reports within 24 h', () => {
    const two = { unverifiedReports: 2, windowHours: 24 };
    expect(isDisputed([report(1, 'a'), report(25, 'b')], stockAt, two)).toBe(true);
    expect(isDisputed([report(1, 'a'), report(26, 'b')], stockAt, two)).toBe(false);
  });
});

describe('judgeStockFact', () => {
  const context = (over: Partial<Parameters<typeof judgeStockFact>[1]> = {}) => ({
    now: new Date(hoursAfter(10)),
    onShortageList: false,
    unavailableReports: [] as UnavailableReport[],
    disputeRule: rule,
    ...over,
  });

  test('a disputed 有货 stands as disputed, even when fresh; a 缺货 is never disputed', () => {
    const disputes = [report(1, 'a', 'confirmed')];
    expect(judgeStockFact({ status: 'in_stock', reportedAt: stockAt }, context({ unavailableReports: disputes }))).toMatchObject({ disputed: true, standing: 'disputed' });
    expect(judgeStockFact({ status: 'low', reportedAt: stockAt }, context({ unavailableReports: disputes })).standing).toBe('disputed');
    expect(judgeStockFact({ status: 'out', reportedAt: stockAt }, context({ unavailableReports: disputes }))).toMatchObject({ disputed: false, standing: 'out' });
  });

  test('a shortage-listed 有货 is usable at exactly 24 h and call-first just after; unlisted waits for 72 h', () => {
    const at24 = context({ now: new Date(hoursAfter(24)), onShortageList: true });
    expect(judgeStockFact({ status: 'in_stock', reportedAt: stockAt }, at24).standing).toBe('usable');
    const past24 = context({ now: new Date(Date.parse(hoursAfter(24)) + 1000), onShortageList: true });
    expect(judgeStockFact({ status: 'in_stock', reportedAt: stockAt }, past24).standing).toBe('call');
    expect(judgeStockFact({ status: 'in_stock', reportedAt: stockAt }, { ...past24, onShortageList: false }).standing).toBe('usable');
  });
});

import { describe, expect, test } from 'vitest';
import { hiddenAfterDays, reportAge, shortageStaleAfterHours, staleAfterHours } from '../../../src/domain/stock/freshness.ts';

const now = new Date('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const minute = 60_000;
const hour = 60 * minute;

describe('reportAge', () => {
  test('returns 刚刚 when the report is less than a minute old', () => {
    expect(reportAge(ago(59_999), now).label).toBe('刚刚');
  });

  test('returns 刚刚 and 0 hours when the report is dated in the future', () => {
    expect(reportAge(ago(-5 * minute), now)).toEqual({ hours: 0, isStale: false, isExpired: false, label: '刚刚' });
  });

  test('returns minutes from 1 up to 59', () => {
    expect(reportAge(ago(minute), now).label).toBe('1 分钟前');
    expect(reportAge(ago(12 * minute), now).label).toBe('12 分钟前');
    expect(reportAge(ago(hour - 1), now).label).toBe('59 分钟前');
  });

  test('returns whole hours from 1 up to 23', () => {
    expect(reportAge(ago(hour), now).label).toBe('1 小时前');
    expect(reportAge(ago(3 * hour + 59 * minute), now).label).toBe('3 小时前');
    expect(reportAge(ago(24 * hour - 1), now).label).toBe('23 小时前');
  });

  test('returns whole days from 24 hours on', () => {
    expect(reportAge(ago(24 * hour), now).label).toBe('1 天前');
    expect(reportAge(ago(50 * hour), now).label).toBe('2 天前');
    expect(reportAge(ago(20 * 24 * hour), now).label).toBe('20 天前');
  });

  test('returns not stale at exactly 72 hours and stale just after', () => {
    expect(staleAfterHours).toBe(72);
    expect(reportAge(ago(72 * hour), now)).toMatchObject({ hours: 72, isStale: false, label: '3 天前' });
    expect(reportAge(ago(72 * hour + 1000), now).isStale).toBe(true);
  });

  test('returns the same age for a Date as for its ISO string', () => {
    expect(reportAge(new Date(ago(5 * hour)), now)).toEqual(reportAge(ago(5 * hour), now));
  });

  test('throws when the timestamp cannot be read', () => {
    expect(() => reportAge('yesterday', now)).toThrow(/invalid reportedAt/);
  });

  test('a drug on a shortage list goes stale after 24 hours, not 72', () => {
    expect(shortageStaleAfterHours).toBe(24);
    expect(reportAge(ago(24 * hour), now, true).isStale).toBe(false);
    expect(reportAge(ago(24 * hour + 1000), now, true).isStale).toBe(true);
    expect(reportAge(ago(24 * hour + 1000), now, false).isStale).toBe(false);
  });

  test('after 30 days a report is no longer shown as stock', () => {
    expect(hiddenAfterDays).toBe(30);
    expect(reportAge(ago(30 * 24 * hour), now).isExpired).toBe(false);
    expect(reportAge(ago(30 * 24 * hour + 1000), now).isExpired).toBe(true);
  });
});

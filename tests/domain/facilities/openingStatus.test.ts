import { describe, expect, test } from 'vitest';
import type { OpeningHours } from '../../../src/domain/facilities/facility.ts';
import { describeHours, isOpenAt, shanghaiWallClock } from '../../../src/domain/facilities/openingStatus.ts';

const ranges = (days: number[], open: string, close: string) => days.map((day) => ({ day, open, close }));
const hours = (days: OpeningHours['days'], allDay = false): OpeningHours => ({ days, allDay, note: null });
const monToSat = [1, 2, 3, 4, 5, 6];
const everyDay = [0, 1, 2, 3, 4, 5, 6];
/** 2026-11-24 is a Tuesday; Shanghai is UTC+8 all year. */
const shanghai = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

describe('shanghaiWallClock', () => {
  test('returns Shanghai weekday and time whatever the server time zone', () => {
    // 23:30 UTC on Monday is already 07:30 on Tuesday in 景德镇.
    expect(shanghaiWallClock(new Date('2026-11-23T23:30:00Z'))).toEqual({ day: 2, minutes: 7 * 60 + 30 });
  });
});

describe('isOpenAt', () => {
  const clinic = hours(ranges(monToSat, '08:00', '17:30'));

  test('returns true from the opening minute and false from the closing minute', () => {
    expect(isOpenAt(clinic, shanghai('2026-11-24T07:59:00'))).toBe(false);
    expect(isOpenAt(clinic, shanghai('2026-11-24T08:00:00'))).toBe(true);
    expect(isOpenAt(clinic, shanghai('2026-11-24T17:29:00'))).toBe(true);
    expect(isOpenAt(clinic, shanghai('2026-11-24T17:30:00'))).toBe(false);
  });

  test('returns false on a day the facility is closed', () => {
    expect(isOpenAt(clinic, shanghai('2026-11-22T10:00:00'))).toBe(false); // Sunday
    expect(isOpenAt(clinic, shanghai('2026-11-28T10:00:00'))).toBe(true); // Saturday
  });

  test('returns false during a lunch break between two ranges of the same day', () => {
    const village = hours([...ranges(monToSat, '08:00', '12:00'), ...ranges(monToSat, '14:30', '17:30')]);
    expect(isOpenAt(village, shanghai('2026-11-24T11:00:00'))).toBe(true);
    expect(isOpenAt(village, shanghai('2026-11-24T13:00:00'))).toBe(false);
    expect(isOpenAt(village, shanghai('2026-11-24T15:00:00'))).toBe(true);
  });

  test('returns true at any hour when the facility is open all day', () => {
    expect(isOpenAt(hours([], true), shanghai('2026-11-22T03:00:00'))).toBe(true);
  });

  test('returns true until the end of the day when a range closes at 24:00', () => {
    expect(isOpenAt(hours(ranges(everyDay, '00:00', '24:00')), shanghai('2026-11-24T23:59:00'))).toBe(true);
  });

  test('returns true after midnight when the range runs past midnight', () => {
    const lateNight = hours(ranges([5], '20:00', '02:00')); // Friday night
    expect(isOpenAt(lateNight, shanghai('2026-11-27T23:00:00'))).toBe(true);
    expect(isOpenAt(lateNight, shanghai('2026-11-28T01:30:00'))).toBe(true); // Saturday early morning
    expect(isOpenAt(lateNight, shanghai('2026-11-28T02:00:00'))).toBe(false);
    expect(isOpenAt(lateNight, shanghai('2026-11-27T19:00:00'))).toBe(false);
  });
});

describe('isOpenAt across holidays and make-up working days', () => {
  const weekdaysOnly = hours(ranges([1, 2, 3, 4, 5], '08:00', '17:30'));

  test('a statutory holiday on a weekday keeps Sunday hours (2026-10-05 is a Monday of 国庆)', () => {
    expect(isOpenAt(weekdaysOnly, shanghai('2026-10-05T10:00:00'))).toBe(false);
    expect(isOpenAt(weekdaysOnly, shanghai('2026-10-12T10:00:00'))).toBe(true); // the Monday after
  });

  test('a make-up working Saturday keeps Monday hours (2026-10-10 调休)', () => {
    expect(isOpenAt(weekdaysOnly, shanghai('2026-10-10T10:00:00'))).toBe(true);
    expect(isOpenAt(weekdaysOnly, shanghai('2026-10-17T10:00:00'))).toBe(false); // an ordinary Saturday
  });

  test('after midnight, a late range belongs to the previous day and its holiday rule', () => {
    // Open weekdays 20:00–02:00: Friday 2026-10-09 night runs into the make-up Saturday; the holiday Thursday
    // 2026-10-01 night does not run into Friday.
    const lateWeekdays = hours(ranges([1, 2, 3, 4, 5], '20:00', '02:00'));
    expect(isOpenAt(lateWeekdays, shanghai('2026-10-10T01:00:00'))).toBe(true);
    expect(isOpenAt(lateWeekdays, shanghai('2026-10-02T01:00:00'))).toBe(false);
    expect(isOpenAt(lateWeekdays, shanghai('2026-10-09T01:00:00'))).toBe(true); // Thursday night of a working week
  });

  test('unknown hours are never guessed', () => {
    expect(isOpenAt(hours([]), shanghai('2026-11-24T10:00:00'))).toBeNull();
  });
});

describe('describeHours', () => {
  test('returns 每天 when every day has the same hours', () => {
    expect(describeHours(hours(ranges(everyDay, '08:00', '22:00')))).toBe('每天 08:00–22:00');
  });

  test('returns 周一至周六 when Sunday is closed', () => {
    expect(describeHours(hours(ranges(monToSat, '08:00', '17:30')))).toBe('周一至周六 08:00–17:30');
  });

  test('returns 24 小时 when open all day', () => {
    expect(describeHours(hours(ranges(everyDay, '00:00', '24:00'), true))).toBe('24 小时');
  });

  test('returns both ranges of a day with a lunch break, earliest first', () => {
    const village = hours([...ranges(monToSat, '14:30', '17:30'), ...ranges(monToSat, '08:00', '12:00')]);
    expect(describeHours(village)).toBe('周一至周六 08:00–12:00、14:30–17:30');
  });

  test('returns separate groups for weekdays and the weekend', () => {
    const h = hours([...ranges([1, 2, 3, 4, 5], '08:00', '17:30'), ...ranges([6, 0], '08:00', '12:00')]);
    expect(describeHours(h)).toBe('周一至周五 08:00–17:30；周六、周日 08:00–12:00');
  });

  test('returns single days by name when they are not next to each other', () => {
    expect(describeHours(hours([...ranges([1], '09:00', '11:00'), ...ranges([3], '09:00', '11:00')]))).toBe(
      '周一 09:00–11:00；周三 09:00–11:00',
    );
  });

  test('returns 营业时间未知 when no hours are known', () => {
    expect(describeHours(hours([]))).toBe('营业时间未知');
  });
});

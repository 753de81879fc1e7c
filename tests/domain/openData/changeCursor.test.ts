import { describe, expect, test } from 'vitest';
import { changePageQuery, decodeCursor, encodeCursor, stockPosition, timedPosition } from '../../../src/domain/openData/changeCursor.ts';

describe('decodeCursor', () => {
  test('reads back the position a cursor was made from', () => {
    const cursor = encodeCursor('stock', [42, 'JDZ-P-0001', 'W078']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('stock', cursor, stockPosition)).toEqual({ ok: true, position: [42, 'JDZ-P-0001', 'W078'] });
  });

  test('starts from the beginning when since is absent or empty', () => {
    expect(decodeCursor('stock', undefined, stockPosition)).toEqual({ ok: true, position: null });
    expect(decodeCursor('stock', '', stockPosition)).toEqual({ ok: true, position: null });
  });

  test("refuses another feed's cursor, a malformed one and a forged position, naming since", () => {
    const notice = encodeCursor('notices', ['2026-12-01T00:00:00.000Z', 3]);
    expect(decodeCursor('notices', notice, timedPosition).ok).toBe(true);
    for (const bad of [notice, 'not a cursor!', 'e30', encodeCursor('stock', [-1, 'a', 'b']), encodeCursor('stock', ['1', 'a', 'b'])]) {
      const result = decodeCursor('stock', bad, stockPosition);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^since: /);
    }
  });
});

describe('changePageQuery', () => {
  test('defaults limit to 500 and refuses more than 1000 or less than 1 with a Chinese message', () => {
    expect(changePageQuery.parse({}).limit).toBe(500);
    expect(changePageQuery.parse({ limit: '1000' }).limit).toBe(1000);
    expect(changePageQuery.safeParse({ limit: '1001' }).error?.issues[0]?.message).toBe('limit 最大为 1000');
    expect(changePageQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(changePageQuery.safeParse({ limit: 'abc' }).success).toBe(false);
  });
});

import { pinyin } from 'pinyin-pro';
import { z } from 'zod';

/**
 * 受理编号 such as JDZ-20261129-0042: the city's initials, the day received (Asia/Shanghai) and that city's
 * sequence for the day. Readable over the phone, and deliberately guessable: the status page also needs the
 * separate check code, so knowing a number reveals nothing.
 */
export const trackingNumber = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2,4}-\d{8}-\d{4,}$/, '受理编号格式应为 JDZ-20261129-0042'));

/** 景德镇市 → JDZ. The initials of the city's name without its administrative suffix. */
export function cityPrefix(cityName: string): string {
  const base = cityName.replace(/(市|地区|自治州|盟)$/, '');
  const initials = pinyin(base, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase();
  const letters = initials.replace(/[^A-Z]/g, '').slice(0, 4);
  return letters.length >= 2 ? letters : `${letters}X`.padEnd(2, 'X');
}

/** `day` is the Shanghai calendar day as YYYY-MM-DD; `sequence` starts at 1 each day. */
export function formatTrackingNumber(prefix: string, day: string, sequence: number): string {
  return `${prefix}-${day.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

import { z } from 'zod';

/**
 * The store keeps administrative divisions as the shortest code that names them (36 江西省, 3602 景德镇市,
 * 360203 珠山区, 360203001 石狮埠街道): a prefix of every code below, which is what region filters match on.
 * Other systems join on the national standard (GB/T 2260) form, six digits padded with zeros (360000, 360200),
 * and townships on the statistics bureau's 9-digit code (or its 12-digit form ending in 000). The API speaks the
 * standard form and accepts both; these two functions are the only place the forms are converted.
 */

/** 36 → 360000, 3602 → 360200; six- and nine-digit codes are already standard. */
export function standardRegionCode(stored: string): string {
  if (stored.length === 2) return `${stored}0000`;
  if (stored.length === 4) return `${stored}00`;
  return stored;
}

/** The same, for a value that may be absent (a national list has no region). */
export function standardRegionCodeOrNull(stored: string | null): string | null {
  return stored === null ? null : standardRegionCode(stored);
}

/** 360000 → 36, 360200 → 3602, 360203001000 → 360203001; short prefixes and other codes pass unchanged. */
export function storedRegionCode(input: string): string {
  if (/^\d{2}0000$/.test(input)) return input.slice(0, 2);
  if (/^\d{4}00$/.test(input)) return input.slice(0, 4);
  if (/^\d{9}000$/.test(input)) return input.slice(0, 9);
  return input;
}

/** A region as the API's callers may write it: 2/4/6/9 digits, or the 12-digit township form; parsed to the stored code. */
export const regionCodeInput = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{9}000)$/, '地区代码应为 2、4、6、9 或 12 位数字（如 36、3602、360203、360000）/ region must be an administrative code')
  .transform(storedRegionCode);

/** A region code as the API writes it: six digits (province, city, county) or nine (township). */
export const standardRegionCodeOutput = z
  .string()
  .regex(/^(\d{6}|\d{9})$/)
  .meta({ description: '行政区划代码（GB/T 2260 六位；乡镇街道为统计用区划代码九位）/ administrative division code', examples: ['360203'] });

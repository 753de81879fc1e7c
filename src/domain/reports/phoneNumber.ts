import { z } from 'zod';

/**
 * Mainland mobile numbers: 11 digits starting 1[3-9]. Spaces and dashes people type (138 1234 5678) are dropped;
 * a +86/86 prefix is accepted. Landlines are not taken: follow-up is by call or SMS to a mobile.
 */
export const mobilePhone = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位数字，例如 13812341234'));

/** How a phone number appears anywhere but the audited reveal: 138****1234. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

import { z } from 'zod';

/**
 * The two numbers others join a facility on: its 统一社会信用代码 (unified social credit code, GB 32100-2015,
 * every legal entity) and its 医疗机构执业许可证 registration number (hospitals and clinics; pharmacies hold a
 * 药品经营许可证 instead and leave it empty). Both are optional: the register has them where the authority has.
 */

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True when the 18th character is the check character GB 32100-2015 computes from the first 17. */
export function creditCodeChecks(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditAlphabet.indexOf(code[i] as string) * (creditWeights[i] as number);
  const check = (31 - (sum % 31)) % 31;
  return code[17] === creditAlphabet[check];
}

export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(creditCodeChecks, '统一社会信用代码应为 18 位且校验位正确 / not a valid unified social credit code');

/** Printed on the licence; formats differ by province and year, so only its length and characters are checked. */
export const licenceNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z()（）-]{6,40}$/, '医疗机构执业许可证登记号应为 6–40 位字母或数字 / not a licence registration number');

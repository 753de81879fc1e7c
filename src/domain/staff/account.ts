import { z } from 'zod';
import { cleanString } from '../text/cleanText.ts';
import { staffRegionCode } from './regionScope.ts';
import { type StaffRole, staffRoleSet } from './roles.ts';

/** Login names: short, ASCII, case-insensitive (stored lower case) so that 张伟 and zhangwei01 are not confused. */
export const staffUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头');

export const staffDisplayName = cleanString(z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 个字符'));

/** What the rest of the portal knows about an account; the hash and TOTP secret never leave the store module. */
export interface StaffAccount {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  roles: StaffRole[];
  totpEnabled: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

export const newStaffAccount = z.object({
  username: staffUsername,
  displayName: staffDisplayName,
  regionCode: staffRegionCode,
  roles: staffRoleSet,
});
export type NewStaffAccount = z.infer<typeof newStaffAccount>;

/** The fields an audit entry shows for an account, in a stable order for before/after comparison. */
export function accountAuditView(a: StaffAccount): Record<string, unknown> {
  return {
    username: a.username,
    displayName: a.displayName,
    regionCode: a.regionCode,
    roles: a.roles,
    totpEnabled: a.totpEnabled,
    disabled: a.disabled,
  };
}

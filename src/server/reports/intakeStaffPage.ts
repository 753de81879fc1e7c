import { hasRole } from '../../domain/staff/roles.ts';
import { st } from '../../i18n/staff.zh-CN.ts';
import { type StaffUser, staffUserOf } from '../staff/staffAuth.ts';
import { staffErrorPage } from '../staff/staffRequest.ts';

/** The signed-in intake officer of a /staff/reports page, or the 403 page (the section guard checks too). */
export function intakeStaff(locals: object): StaffUser | Response {
  const user = staffUserOf(locals);
  return hasRole(user.account.roles, 'intake') ? user : staffErrorPage(403, st('staff.forbidden'));
}

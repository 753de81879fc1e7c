import type { StaffRole } from '../../domain/staff/roles.ts';
import type { StaffStringKey } from '../../i18n/staff.zh-CN.ts';

/**
 * The back office's sections: what the dashboard links to and what the guard requires for each path. A new
 * section (信息发布, 群众反映, 数据导入 …) is one more entry here; its pages then cannot be reached without
 * one of its roles, whatever the page itself forgets to check.
 */
export interface StaffSection {
  /** Path prefix; `/staff/audit` also covers `/staff/audit.csv` and `/staff/audit/…`. */
  href: string;
  label: StaffStringKey;
  hint: StaffStringKey;
  /** Any one of these roles opens the section; empty means every signed-in account. */
  roles: readonly StaffRole[];
}

export const staffSections: readonly StaffSection[] = [
  { href: '/staff/accounts', label: 'section.accounts', hint: 'section.accounts.hint', roles: ['admin'] },
  { href: '/staff/audit', label: 'section.audit', hint: 'section.audit.hint', roles: ['admin'] },
  { href: '/staff/shortages', label: 'section.shortages', hint: 'section.shortages.hint', roles: ['data'] },
  { href: '/staff/clarifications', label: 'section.clarifications', hint: 'section.clarifications.hint', roles: ['publisher', 'reviewer'] },
  { href: '/staff/notices', label: 'section.notices', hint: 'section.notices.hint', roles: ['publisher', 'reviewer'] },
  { href: '/staff/enforcement', label: 'section.enforcement', hint: 'section.enforcement.hint', roles: ['publisher', 'reviewer'] },
  { href: '/staff/reports', label: 'section.reports', hint: 'section.reports.hint', roles: ['intake'] },
  { href: '/staff/api-keys', label: 'section.apiKeys', hint: 'section.apiKeys.hint', roles: ['admin', 'data'] },
  { href: '/staff/prices', label: 'section.prices', hint: 'section.prices.hint', roles: ['intake', 'data'] },
  { href: '/staff/intake-systems', label: 'section.intakeSystems', hint: 'section.intakeSystems.hint', roles: ['admin'] },
  { href: '/staff/security', label: 'section.security', hint: 'section.security.hint', roles: [] },
];

export function sectionFor(path: string): StaffSection | undefined {
  return staffSections.find((s) => path === s.href || path.startsWith(`${s.href}/`) || path.startsWith(`${s.href}.`));
}

export function sectionsFor(roles: readonly StaffRole[]): StaffSection[] {
  return staffSections.filter((s) => s.roles.length === 0 || s.roles.some((r) => roles.includes(r)));
}

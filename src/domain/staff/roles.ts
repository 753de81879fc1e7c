import { z } from 'zod';

/**
 * What a staff account may do, besides acting only within its region. Roles add up: one person in a small
 * county office often drafts (publisher) and also imports stock lists (data).
 */
export const staffRole = z.enum(['publisher', 'reviewer', 'intake', 'data', 'admin']);
export type StaffRole = z.infer<typeof staffRole>;

export const allStaffRoles: readonly StaffRole[] = staffRole.options;

/** A stored or submitted role set: at least one role, no repeats, in the canonical order above. */
export const staffRoleSet = z
  .array(staffRole)
  .min(1, '至少选择一个角色')
  .transform((roles) => allStaffRoles.filter((r) => roles.includes(r)));
export type StaffRoleSet = z.infer<typeof staffRoleSet>;

/** Roles are kept as a JSON array in one column; anything unreadable counts as no roles at all. */
export function parseStoredRoles(json: string): StaffRole[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  const parsed = z.array(z.unknown()).safeParse(raw);
  if (!parsed.success) return [];
  // Dropping unknown names (rather than failing) keeps an account usable after a role is retired.
  return allStaffRoles.filter((r) => parsed.data.includes(r));
}

export function hasRole(roles: readonly StaffRole[], role: StaffRole): boolean {
  return roles.includes(role);
}

export function hasAnyRole(roles: readonly StaffRole[], wanted: readonly StaffRole[]): boolean {
  return wanted.some((r) => roles.includes(r));
}

import type { FacilityClosure } from '../../domain/facilities/facilityClosure.ts';
import type { Portal } from '../portal.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { actorOf, requireRoleIn, type StaffUser } from '../staff/staffAuth.ts';
import { closeFacility, closuresFor, reopenFacility } from '../store/facilityClosureStore.ts';
import { loadFacility } from '../store/facilityStore.ts';

/**
 * Staff with the `data` role, in the facility's region, mark it closed from a date or reopen it. Each change is
 * audited with what it replaced, since it takes a facility out of every public list.
 */
export async function setFacilityClosure(
  portal: Portal,
  user: StaffUser,
  facilityId: string,
  change: { closedFrom: string; note: string | null } | 'reopen',
  now = new Date(),
): Promise<boolean> {
  const facility = await loadFacility(portal.store, facilityId);
  if (!facility) return false;
  requireRoleIn(user, 'data', facility.countyCode);
  const current = (await closuresFor(portal.store, [facilityId])).get(facilityId);
  const before = current ? { ...current } : null;
  const target = { type: 'facility', id: facilityId };
  if (change === 'reopen') {
    await reopenFacility(portal.store, facilityId);
    await appendAudit(portal.store, actorOf(user), { action: 'facility.reopen', regionCode: facility.countyCode, target, before }, now);
    return true;
  }
  const closure: FacilityClosure = { facilityId, ...change };
  await closeFacility(portal.store, closure, user.account.id.toString(), now);
  await appendAudit(portal.store, actorOf(user), { action: 'facility.close', regionCode: facility.countyCode, target, before, after: { ...closure } }, now);
  return true;
}

export async function closureOf(portal: Portal, facilityId: string): Promise<FacilityClosure | undefined> {
  return (await closuresFor(portal.store, [facilityId])).get(facilityId);
}

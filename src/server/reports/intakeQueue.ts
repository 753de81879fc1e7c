import { type ReportedPriceCheck, reportedPriceCheck } from '../prices/reportedPriceCheck.ts';
import { caseEventLabels, type CaseEventKind } from '../../domain/reports/caseEvent.ts';
import {
  awaitingVerification,
  type CaseStatus,
  caseActionLabels,
  caseLevelLabels,
  caseStatus,
  caseStatusLabels,
  verificationResultLabels,
} from '../../domain/reports/caseStatus.ts';
import { type DeadlineMark, deadlineMark, endOfShanghaiDay } from '../../domain/reports/deadlineMark.ts';
import type { IntakeQueueFilter } from '../../domain/reports/intakeQueueFilter.ts';
import { maskPhone } from '../../domain/reports/phoneNumber.ts';
import { problemKindLabels } from '../../domain/reports/problemKind.ts';
import { canActOn, regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { regionLabel, staffRegionTree } from '../staff/regionChoices.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { caseReports, caseTimelineForStaff, intakeQueueCases, loadCaseForIntake } from '../store/intakeStore.ts';

export interface IntakeQueueEntry {
  id: number;
  drugName: string;
  countyName: string;
  statusLabel: string;
  levelLabel: string;
  deadlineAt: string;
  mark: DeadlineMark;
  reportCount: number;
  reopenCount: number;
  assignedToMe: boolean;
}

const queueLimit = 200;
const openStatuses = caseStatus.options.filter((s) => s !== 'closed');

/** The intake queue of an officer: cases of its region (or the region filter within it), filtered, earliest deadline first. */
export async function intakeQueue(portal: Pick<Portal, 'store'>, user: StaffUser, filter: IntakeQueueFilter, now = new Date()): Promise<IntakeQueueEntry[]> {
  // A region filter outside the officer's own region narrows to nothing rather than widening the scope.
  const region = filter.region && canActOn(user.account.regionCode, filter.region) ? filter.region : user.account.regionCode;
  const { from, before } = regionPrefixRange(region);
  const statuses: readonly CaseStatus[] | null = filter.status === 'all' ? null : filter.status === 'open' ? openStatuses : [filter.status];
  const deadlineBy =
    filter.deadline === 'overdue'
      ? { at: now.toISOString(), statuses: awaitingVerification }
      : filter.deadline === 'today'
        ? { at: endOfShanghaiDay(now).toISOString(), statuses: awaitingVerification }
        : undefined;
  const rows = await intakeQueueCases(portal.store, { regionFrom: from, regionBefore: before, statuses, drugContains: filter.drug, deadlineBy, limit: queueLimit });
  const tree = await staffRegionTree(portal.store);
  return rows.map((r) => ({
    id: r.id,
    drugName: r.drug_name,
    countyName: regionLabel(tree, r.county_code),
    statusLabel: caseStatusLabels[r.status],
    levelLabel: caseLevelLabels[r.level],
    deadlineAt: r.deadline_at,
    mark: deadlineMark(r.status, r.deadline_at, now),
    reportCount: r.report_count,
    reopenCount: r.reopen_count,
    assignedToMe: r.assigned_to === user.account.id,
  }));
}

export interface IntakeCaseView {
  id: number;
  drugName: string;
  countyName: string;
  status: CaseStatus;
  statusLabel: string;
  levelLabel: string;
  deadlineAt: string;
  mark: DeadlineMark;
  assignedToMe: boolean;
  /** Labels (属实, 调剂 …) once recorded. */
  result: string | null;
  action: string | null;
  publicReply: string | null;
  reopenCount: number;
  reports: {
    trackingNumber: string;
    problemLabel: string;
    place: string | null;
    seenAt: string;
    price: string | null;
    description: string | null;
    /** Masked (138****1234); the full number only through the audited reveal. */
    phone: string | null;
    contactErased: boolean;
    duplicate: boolean;
  }[];
  timeline: { label: string; at: string; note: string | null; by: string | null }[];
  /** For a price-rise case at a facility: that facility's own reported price beside what citizens saw. */
  priceCheck: ReportedPriceCheck | undefined;
}

/** One case for the case page, or undefined when it does not exist or lies outside the officer's region. */
export async function intakeCaseView(portal: Pick<Portal, 'store'>, user: StaffUser, caseId: number, now = new Date()): Promise<IntakeCaseView | undefined> {
  const c = await loadCaseForIntake(portal.store, caseId);
  if (!c || !canActOn(user.account.regionCode, c.county_code)) return undefined;
  const [reports, events, tree] = await Promise.all([caseReports(portal.store, caseId), caseTimelineForStaff(portal.store, caseId), staffRegionTree(portal.store)]);
  const rise = reports.find((r) => r.problem === 'price_rise' && r.price_fen !== null) ?? reports.find((r) => r.problem === 'price_rise');
  const priceCheck = rise
    ? await reportedPriceCheck(portal.store, { facilityId: rise.facility_id, drugId: rise.drug_id }, { priceFen: rise.price_fen, pricePack: rise.price_pack })
    : undefined;
  return {
    id: c.id,
    drugName: c.drug_name,
    countyName: regionLabel(tree, c.county_code),
    status: c.status,
    statusLabel: caseStatusLabels[c.status],
    levelLabel: caseLevelLabels[c.level],
    deadlineAt: c.deadline_at,
    mark: deadlineMark(c.status, c.deadline_at, now),
    assignedToMe: c.assigned_to === user.account.id,
    result: c.result ? verificationResultLabels[c.result] : null,
    action: c.action ? caseActionLabels[c.action] : null,
    publicReply: c.public_reply,
    reopenCount: c.reopen_count,
    reports: reports.map((r) => ({
      trackingNumber: r.tracking_number,
      problemLabel: problemKindLabels[r.problem],
      place: r.place,
      seenAt: r.seen_at,
      price: r.price_fen === null ? null : `¥${(r.price_fen / 100).toFixed(2)}${r.price_pack ? `/${r.price_pack}` : ''}`,
      description: r.description,
      phone: r.phone ? maskPhone(r.phone) : null,
      contactErased: r.contact_erased_at !== null,
      duplicate: r.duplicate_of !== null,
    })),
    timeline: events.map((e) => ({ label: caseEventLabels[e.kind as CaseEventKind], at: e.at, note: e.public_note, by: e.display_name })),
    priceCheck,
  };
}

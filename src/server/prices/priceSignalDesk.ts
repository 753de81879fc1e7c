import type { PriceSignalKind } from '../../domain/prices/priceSignals.ts';
import { reportClusterSignal } from '../../domain/prices/priceSignals.ts';
import type { SignalActionForm } from '../../domain/prices/signalAction.ts';
import type { PriceSignalThresholds } from '../../domain/prices/signalThresholds.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { PortalConfig } from '../config.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { actorOf, requireRoleIn, type StaffUser } from '../staff/staffAuth.ts';
import type { Store } from '../store/openStore.ts';
import { priceRiseReportsSince, recordSignals, signalById, signalsIn, updateSignal } from '../store/priceSignalStore.ts';
import { evidenceText } from './priceSignalEvidence.ts';

type DeskPortal = { store: Store; config: Pick<PortalConfig, 'PRICE_SIGNAL_THRESHOLDS'> };

export interface PriceSignalView {
  id: number;
  kind: PriceSignalKind;
  status: 'open' | 'assigned' | 'closed';
  drugName: string;
  facilityName: string | null;
  countyCode: string;
  evidence: string;
  measure: number;
  detectedAt: string;
  assigneeName: string | null;
  action: string | null;
  note: string | null;
  /** The facts behind it: the drug's public prices in that county, and the facility's page or the reports. */
  factsHref: string;
  sourceHref: string | null;
}

/** Citizen price-rise reports clustering on one drug × county become signals when the desk is looked at. */
async function refreshReportClusters(store: Store, regionCode: string, t: PriceSignalThresholds, now: Date): Promise<void> {
  const since = new Date(now.getTime() - t.reportWindowDays * 86_400_000).toISOString();
  const groups = await priceRiseReportsSince(store, regionPrefixRange(regionCode), since);
  const found = groups.flatMap((g) => {
    const hit = reportClusterSignal(g.reports, t);
    if (!hit) return [];
    // One signal per drug × county × week it began in; a later cluster is a new one.
    const week = Math.floor(Date.parse(g.latest) / (7 * 86_400_000));
    return [{ signal_key: `reports|${g.drugId}|${g.countyCode}|${week}`, kind: 'report_cluster' as const, county_code: g.countyCode, facility_id: null, drug_id: g.drugId, comparable_key: null, measure: hit.reports, evidence_json: JSON.stringify({ reports: hit.reports, windowDays: t.reportWindowDays }) }];
  });
  await recordSignals(store, found, now);
}

/** The signals an officer may see: their region and below, open ones first. */
export async function priceSignalDesk(portal: DeskPortal, user: StaffUser, options: { includeClosed?: boolean } = {}, now = new Date()): Promise<PriceSignalView[]> {
  await refreshReportClusters(portal.store, user.account.regionCode, portal.config.PRICE_SIGNAL_THRESHOLDS, now);
  const rows = await signalsIn(portal.store, regionPrefixRange(user.account.regionCode), options);
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind, status: r.status, drugName: r.drug_name ?? r.drug_id, facilityName: r.facility_name ?? null,
    countyCode: r.county_code, evidence: evidenceText(r.kind, r.evidence_json), measure: Number(r.measure), detectedAt: r.detected_at,
    assigneeName: r.assignee_name ?? null, action: r.action, note: r.note,
    factsHref: `/drugs/${encodeURIComponent(r.drug_id)}?region=${r.county_code}#prices-title`,
    sourceHref: r.facility_id ? `/facilities/${encodeURIComponent(r.facility_id)}`
      : r.kind === 'report_cluster' ? `/staff/reports?status=all&drug=${encodeURIComponent(r.drug_name ?? r.drug_id)}&region=${r.county_code}` : null,
  }));
}

/** Assign, record an action or close: only within the officer's region, and each step audited. */
export async function actOnPriceSignal(portal: DeskPortal, user: StaffUser, id: number, form: SignalActionForm, now = new Date()): Promise<boolean> {
  const signal = await signalById(portal.store, id);
  if (!signal) return false;
  requireRoleIn(user, user.account.roles.includes('intake') ? 'intake' : 'data', signal.county_code);
  const before = { status: signal.status, assignedTo: signal.assigned_to, action: signal.action, note: signal.note };
  const change =
    form.step === 'assign' ? { status: 'assigned' as const, assigned_to: user.account.id, ...(form.note ? { note: form.note } : {}) }
    : form.step === 'action' ? { action: form.action ?? null, note: form.note, status: signal.status === 'open' ? ('assigned' as const) : signal.status, assigned_to: signal.assigned_to ?? user.account.id }
    : { status: 'closed' as const, note: form.note, closed_at: now.toISOString() };
  await updateSignal(portal.store, id, change, now);
  await appendAudit(portal.store, actorOf(user), {
    action: `price_signal.${form.step}`, regionCode: signal.county_code, target: { type: 'price_signal', id }, before, after: { ...change },
  }, now);
  return true;
}

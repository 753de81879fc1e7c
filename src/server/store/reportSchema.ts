import type { Generated } from 'kysely';
import type { CaseEventKind } from '../../domain/reports/caseEvent.ts';
import type { CaseAction, CaseLevel, CaseStatus, VerificationResult } from '../../domain/reports/caseStatus.ts';
import type { ProblemKind } from '../../domain/reports/problemKind.ts';

/** Row shapes of migration 0010 (citizen reports); kept apart from schema.ts, which lists them in Database. */
export interface ReportCaseTable {
  id: Generated<number>;
  case_key: string;
  drug_id: string | null;
  drug_name: string;
  facility_id: string | null;
  county_code: string;
  status: CaseStatus;
  level: CaseLevel;
  deadline_at: string;
  report_count: Generated<number>;
  reopen_count: Generated<number>;
  assigned_to: number | null;
  result: VerificationResult | null;
  action: CaseAction | null;
  public_reply: string | null;
  first_report_at: string;
  last_report_at: string;
  closed_at: string | null;
  updated_at: string;
}

export interface CitizenReportTable {
  id: Generated<number>;
  tracking_number: string;
  check_code_hash: string;
  case_id: number;
  drug_id: string | null;
  drug_name: string;
  problem: ProblemKind;
  facility_id: string | null;
  county_code: string;
  place: string | null;
  seen_at: string;
  price_fen: number | null;
  price_pack: string | null;
  description: string | null;
  phone: string | null;
  contact_erased_at: string | null;
  device_hash: string;
  /** `api` (JSON with a solved challenge), `form` (the island solved it) or `noscript` (plain form post). */
  channel: 'api' | 'form' | 'noscript';
  duplicate_of: number | null;
  received_at: string;
  updated_at: string;
}

export interface ReportIdempotencyKeyTable {
  key: string;
  request_hash: string;
  report_id: number;
  created_at: string;
}

export interface ReportCaseEventTable {
  id: Generated<number>;
  case_id: number;
  kind: CaseEventKind;
  at: string;
  public_note: string | null;
  detail_json: string | null;
  actor_id: number | null;
}

export interface ReportSequenceTable {
  day_key: string;
  last_value: number;
}

export interface ReportChallengeUsedTable {
  signature: string;
  expires_at: string;
}

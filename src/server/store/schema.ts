import type { Generated } from 'kysely';
import type {
  CitizenReportTable,
  ReportCaseEventTable,
  ReportCaseTable,
  ReportChallengeUsedTable,
  ReportIdempotencyKeyTable,
  ReportSequenceTable,
} from './reportSchema.ts';
import type { PriceTables } from './priceSchema.ts';

/**
 * Row shapes of the system of record. Columns are portable between SQLite and PostgreSQL:
 * booleans are 0/1 integers, JSON is text, timestamps are ISO 8601 UTC strings.
 */
export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent_code: string | null;
}

export interface DrugTable {
  id: string;
  eml_number: number | null;
  kind: 'chemical' | 'tcm';
  generic_name: string;
  english_name: string | null;
  category: string;
  subcategory: string | null;
  therapeutic_group: string | null;
  also_listed_in: string;
  forms: string;
  forms_text: string;
  specialist_only: number;
  notes: string | null;
  is_essential: number;
  pinyin_full: string;
  pinyin_initials: string;
  updated_at: string;
}

export interface DrugAliasTable {
  drug_id: string;
  name: string;
  kind: 'brand' | 'common' | 'english' | 'former';
  source: string;
}

export interface FacilityTable {
  id: string;
  name: string;
  type: string;
  level: string | null;
  address: string;
  county_code: string;
  township_code: string | null;
  lat: number;
  lng: number;
  phone: string | null;
  opening_hours: string;
  insurance_designated: number;
  is_demo: number;
  updated_at: string;
  /** 统一社会信用代码 (0020) */
  credit_code: string | null;
  /** 医疗机构执业许可证登记号 (0020) */
  licence_number: string | null;
}

export interface StockReportTable {
  facility_id: string;
  drug_id: string;
  status: 'in_stock' | 'low' | 'out';
  quantity: number | null;
  price_fen: number | null;
  price_unit: string | null;
  reported_at: string;
  source: string;
  /** Which write transaction saved the row last (migration 0025); 0 for rows older than the sequence. */
  change_seq: Generated<number>;
}

/** Named change sequences (migration 0025): `stock` numbers the transactions that write stock_reports. */
export interface ChangeCounterTable {
  name: string;
  last_value: number;
  changed_at: string | null;
}

export interface ShortageListTable {
  id: Generated<number>;
  /** Versions of one list share a key, e.g. `national-shortage` or `360000-monitoring`. */
  list_key: string;
  kind: 'shortage' | 'monitoring' | 'watch';
  scope: 'national' | 'provincial' | 'city' | 'county';
  region_code: string | null;
  title: string;
  issuer: string;
  doc_number: string | null;
  effective_date: string;
  source_url: string | null;
  version: number;
  is_demo: number;
  created_at: string;
}

export interface ShortageListEntryTable {
  list_id: number;
  row_number: number;
  drug_id: string | null;
  raw_name: string;
  raw_form: string | null;
  /** 规格 as the list wrote it (migration 0003). */
  raw_spec: string | null;
  note: string | null;
}

/** 国家/省级组织药品集中带量采购 (集采) selected products and their prices. */
export interface ProcurementPriceTable {
  id: Generated<number>;
  drug_id: string;
  batch: string;
  form_spec: string;
  price_fen: number;
  unit: string;
  is_demo: number;
  source: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  rows_total: number;
  rows_imported: number;
  rows_skipped: number;
  started_at: string;
  finished_at: string;
}

/** Staff-marked closures; see migration 0013. */
export interface FacilityClosureTable {
  facility_id: string;
  closed_from: string;
  note: string | null;
  set_by: string;
  set_at: string;
}

export interface Database extends PriceTables {
  regions: RegionTable;
  drugs: DrugTable;
  drug_aliases: DrugAliasTable;
  facilities: FacilityTable;
  stock_reports: StockReportTable;
  change_counters: ChangeCounterTable;
  facility_closures: FacilityClosureTable;
  shortage_lists: ShortageListTable;
  shortage_list_entries: ShortageListEntryTable;
  procurement_prices: ProcurementPriceTable;
  import_runs: ImportRunTable;
  staff_accounts: StaffAccountTable;
  staff_sessions: StaffSessionTable;
  login_throttles: LoginThrottleTable;
  audit_log: AuditLogTable;
  login_refusal_tallies: LoginRefusalTallyTable;
  articles: ArticleTable;
  article_corrections: ArticleCorrectionTable;
  article_drugs: ArticleDrugTable;
  article_revisions: ArticleRevisionTable;
  shortage_list_imports: ShortageListImportTable;
  notice_attachments: NoticeAttachmentTable;
  shortage_list_import_rows: ShortageListImportRowTable;
  report_cases: ReportCaseTable;
  citizen_reports: CitizenReportTable;
  report_idempotency_keys: ReportIdempotencyKeyTable;
  report_case_events: ReportCaseEventTable;
  report_sequences: ReportSequenceTable;
  report_challenges_used: ReportChallengeUsedTable;
  job_leases: JobLeaseTable;
  rate_limit_windows: RateLimitWindowTable;
  intake_tokens: IntakeTokenTable;
  api_keys: ApiKeyTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  alert_subscriptions: AlertSubscriptionTable;
  alert_items: AlertItemTable;
}

/** Back-office accounts; `roles` is a JSON array of role names (see domain/staff/roles.ts). */
export interface StaffAccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  region_code: string;
  roles: string;
  password_hash: string;
  must_change_password: number;
  /** Base32; set while enrolling (totp_enabled 0) and once enrolled. */
  totp_secret: string | null;
  totp_enabled: number;
  /** The last accepted TOTP time step, so that a code cannot be used twice. */
  totp_last_step: number | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id: string;
  account_id: number;
  stage: 'second_factor' | 'active';
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
}

/** Lock-out counters; `kind` as in domain/staff/lockout.ts (migration 0008 replaced 'account' | 'ip'). */
export interface LoginThrottleTable {
  kind: 'account_at_source' | 'source' | 'account';
  key: string;
  failures: number;
  last_failure_at: string | null;
  locked_until: string | null;
}

/** Append-only (triggers refuse UPDATE and DELETE); JSON columns hold objects or null. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  region_code: string | null;
  target_type: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  detail_json: string | null;
  /** Hash chain (migration 0008, domain/staff/auditChain.ts): the previous entry's hash and this entry's. */
  prev_hash: string | null;
  hash: string | null;
}

/** Refused logins per account (or '*' for a locked source) × source × window, summed up for the audit log. */
export interface LoginRefusalTallyTable {
  subject: string;
  source: string;
  window_start: string;
  refusals: number;
  first_at: string;
  last_at: string;
  ip: string | null;
  region_code: string | null;
  account_id: number | null;
}

/** Published texts (clarifications, notices, enforcement results); see migrations/0004_articles.ts and domain/publishing/. */
export interface ArticleTable {
  id: Generated<number>;
  kind: 'clarification' | 'notice' | 'enforcement';
  state: 'draft' | 'in_review' | 'scheduled' | 'published' | 'withdrawn';
  region_code: string;
  title: string;
  issuer: string;
  body_md: string;
  /** The kind's filterable classification: a clarification's verdict. */
  category: string | null;
  data_json: string;
  requested_slug: string | null;
  permalink_year: number | null;
  permalink_slug: string | null;
  publish_at: string | null;
  published_at: string | null;
  corrected_at: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  review_note: string | null;
  author_id: number;
  last_editor_id: number;
  reviewer_id: number | null;
  created_at: string;
  updated_at: string;
  indexed_at: string | null;
  /** Numbers the text reviewers decide on (migration 0007); see domain/publishing/workflow.ts. */
  revision: number;
}

/** A proposed correction or withdrawal of a published article, waiting for a second reviewer (migration 0007). */
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  kind: 'correction' | 'withdrawal';
  status: 'pending' | 'approved' | 'rejected';
  /** The proposed text; null for a withdrawal. */
  title: string | null;
  issuer: string | null;
  body_md: string | null;
  category: string | null;
  data_json: string | null;
  related_drug_ids_json: string | null;
  /** The public correction note or withdrawal reason. */
  note: string;
  author_id: number;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

/** The text as it read before each correction. */
export interface ArticleCorrectionTable {
  id: Generated<number>;
  article_id: number;
  corrected_at: string;
  note: string;
  previous_title: string;
  previous_body_md: string;
  previous_category: string | null;
  previous_data_json: string;
  actor_id: number;
}

export interface ArticleDrugTable {
  article_id: number;
  drug_id: string;
}

/** A shortage list file loaded by staff and waiting for review (or kept as the record of a published version). */
export interface ShortageListImportTable {
  id: Generated<number>;
  list_key: string;
  /** The region the list concerns; for a national list, the loading account's region. Scopes who may review it. */
  region_code: string;
  /** ListMeta (domain/shortages/listMeta.ts) as JSON. */
  meta_json: string;
  file_name: string;
  file_sha256: string;
  status: 'pending' | 'published' | 'discarded';
  created_by: number | null;
  created_by_username: string | null;
  published_list_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Which PDF (stored as DATA_DIR/attachments/<sha256>.pdf) a quarterly notice shows; migration 0005. */
export interface NoticeAttachmentTable {
  id: Generated<number>;
  article_id: number;
  sha256: string;
  filename: string;
  size_bytes: number;
  position: number;
  created_by: number | null;
  created_at: string;
}

/** One row of a staged list file (migration 0009): what the file said, what the matcher found, what staff decided. */
export interface ShortageListImportRowTable {
  id: Generated<number>;
  import_id: number;
  /** Position in the file, from 0; review forms name rows by it. */
  row_index: number;
  line: number;
  row_number: number | null;
  name: string;
  form: string | null;
  spec: string | null;
  note: string | null;
  /** DrugMatch (domain/shortages/drugMatcher.ts) as JSON. */
  match_json: string;
  /** 0 ambiguous, 1 unmatched, 2 matched: the review page lists rows needing a person first. */
  review_order: number;
  decision_drug_id: string | null;
  /** null: undecided; 'matcher' or 'staff': decided, with decision_drug_id null meaning "keep unmatched". */
  decision_by: 'matcher' | 'staff' | null;
  /** Drug ids a staff search offered for this row, as a JSON array. */
  searched_json: string;
}

/** Who runs a scheduled job until when (migration 0014); see store/jobLeaseStore.ts. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** A shared rate limit's current window for one key (migration 0015). */
export interface RateLimitWindowTable {
  bucket: string;
  key: string;
  window_start: string;
  count: number;
}

/** A receiving system's token for the monitoring export (migration 0014), stored as its SHA-256. */
/** A re-user's API key (migration 0021); only its hash is kept. */
export interface ApiKeyTable {
  id: Generated<number>;
  holder: string;
  contact: string;
  key_hash: string;
  key_prefix: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

export interface IntakeTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  allow_personal: Generated<number>;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

/** A webhook receiver with its delivery cursor over report_case_events (migration 0014). */
export interface WebhookEndpointTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  last_event_id: Generated<number>;
  /** Failed attempts at the event after last_event_id. */
  attempts: Generated<number>;
  next_attempt_at: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** One delivery attempt (migration 0014): the delivery log, and with outcome 'dead' the dead-letter view. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  event_id: number;
  attempt: number;
  at: string;
  outcome: 'delivered' | 'failed' | 'dead';
  status_code: number | null;
  error: string | null;
}

/** A back-in-stock subscription: a drug, an area, the hash of its private feed token (migration 0040). */
export interface AlertSubscriptionTable {
  id: Generated<number>;
  token_hash: string;
  drug_id: string;
  county_code: string | null;
  lat: number | null;
  lng: number | null;
  radius_km: number | null;
  was_available: number;
  last_alert_at: string | null;
  news_checked_at: string;
  email: string | null;
  mail_nonce: string | null;
  created_at: string;
}

export interface AlertItemTable {
  id: Generated<number>;
  subscription_id: number;
  kind: 'back_in_stock' | 'shortage_list_version' | 'clarification';
  title: string;
  summary: string;
  url_path: string | null;
  created_at: string;
}
